package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.Ipc;
import org.kamaelia4j.axon.ipc.NewComponent;
import org.kamaelia4j.axon.ipc.Notify;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.axon.ipc.Status;
import org.kamaelia4j.axon.ipc.WouldBlock;

/**
 * Ports Axon's test_Ipc.py to the record-based {@code org.kamaelia4j.axon.ipc} messages.
 * Axon's "called without arguments fails" cases (notify, status, wouldblock, errorInformation)
 * are compile-time errors in Java, so they have no runtime test here.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IpcTest {

    /** A do-nothing component, used as a message payload. */
    private static final class Idle extends Component {
        @Override
        protected Step main() {
            return Step.DONE;
        }
    }

    // test_Ipc.py ipc_Test.test_SmokeTest: every message is an ipc
    @Test
    void everyMessageTypeIsAnIpc() {
        List<Object> all = List.of(
                new ProducerFinished(),
                new ShutdownMicroprocess(List.of()),
                new NewComponent(List.of()),
                new Notify("caller", "payload"),
                new Status("ok"),
                new WouldBlock("caller"),
                new ErrorInformation("caller", new RuntimeException(), "message"));
        for (Object m : all) {
            assertInstanceOf(Ipc.class, m, m.getClass().getSimpleName() + " should implement Ipc");
            assertTrue(m.getClass().isRecord(), m.getClass().getSimpleName() + " should be a record");
        }
    }

    @Test
    void ipcIsSealedAndPermitsTheContractMessages() {
        assertTrue(Ipc.class.isInterface());
        assertTrue(Ipc.class.isSealed(), "Ipc should be a sealed interface");
        Set<Class<?>> permitted = Arrays.stream(Ipc.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertTrue(permitted.containsAll(Set.of(ProducerFinished.class, ShutdownMicroprocess.class,
                NewComponent.class, Notify.class, Status.class, WouldBlock.class, ErrorInformation.class)),
                "permitted: " + permitted);
    }

    // producerFinished_Test.test_SmokeTest_NoArguments: caller and message default to None
    @Test
    void producerFinishedNoArgConstructorHasNullCallerAndMessage() {
        ProducerFinished pf = new ProducerFinished();
        assertInstanceOf(Ipc.class, pf);
        assertNull(pf.caller());
        assertNull(pf.message());
        assertEquals(new ProducerFinished(null, null), pf);
    }

    // producerFinished_Test.test_SmokeTest_MinArguments
    @Test
    void producerFinishedStoresCallerAndMessage() {
        ProducerFinished pf = new ProducerFinished("caller", "message");
        assertEquals("caller", pf.caller());
        assertEquals("message", pf.message());
    }

    // shutdownMicroprocess_Test.test___init__SmokeTest_NoArguments
    @Test
    void shutdownMicroprocessWithNoTargetsHasAnEmptyList() {
        ShutdownMicroprocess sm = new ShutdownMicroprocess(List.of());
        assertTrue(sm.targets().isEmpty());
    }

    // shutdownMicroprocess_Test.test___init__SmokeTest / test_microprocesses
    @Test
    void shutdownMicroprocessKeepsItsTargetsInOrder() {
        Idle a = new Idle();
        Idle b = new Idle();
        ShutdownMicroprocess sm = new ShutdownMicroprocess(List.of(a, b));
        assertEquals(List.of(a, b), sm.targets());
        assertSame(a, sm.targets().get(0));
    }

    // newComponent_Test: no components / components() returns what was given
    @Test
    void newComponentKeepsItsComponents() {
        assertTrue(new NewComponent(List.of()).components().isEmpty());
        Idle a = new Idle();
        Idle b = new Idle();
        Idle c = new Idle();
        assertEquals(List.of(a, b, c), new NewComponent(List.of(a, b, c)).components());
    }

    // notify_Test.test_SmokeTest_MinArguments
    @Test
    void notifyStoresCallerAndPayload() {
        Notify n = new Notify("caller", "payload");
        assertEquals("caller", n.caller());
        assertEquals("payload", n.payload());
    }

    // status_Test.test_SmokeTest_MinArguments / test_status
    @Test
    void statusStoresItsStatus() {
        assertEquals("Status message.", new Status("Status message.").status());
    }

    // wouldblock_Test.test_SmokeTest_MinArguments
    @Test
    void wouldBlockStoresCaller() {
        assertSame(this, new WouldBlock(this).caller());
    }

    // errorInformation_Test.test_SmokeTest_MinArguments / MinSensibleArguments
    @Test
    void errorInformationStoresCallerExceptionAndMessage() {
        RuntimeException boom = new RuntimeException("boom");
        ErrorInformation ei = new ErrorInformation("caller", boom, "message");
        assertEquals("caller", ei.caller());
        assertSame(boom, ei.exception());
        assertEquals("message", ei.message());

        ErrorInformation onlyCaller = new ErrorInformation(this, null, null);
        assertSame(this, onlyCaller.caller());
        assertNull(onlyCaller.exception());
        assertNull(onlyCaller.message());
    }

    @Test
    void messagesWithEqualFieldsAreEqualAndHashAlike() {
        assertEquals(new ProducerFinished("c", "m"), new ProducerFinished("c", "m"));
        assertEquals(new ProducerFinished("c", "m").hashCode(), new ProducerFinished("c", "m").hashCode());
        assertEquals(new Status("x"), new Status("x"));
        assertEquals(new Notify("c", 1), new Notify("c", 1));
        assertEquals(new WouldBlock("c"), new WouldBlock("c"));
        assertEquals(new ShutdownMicroprocess(List.of()), new ShutdownMicroprocess(List.of()));
        RuntimeException e = new RuntimeException();
        assertEquals(new ErrorInformation("c", e, "m"), new ErrorInformation("c", e, "m"));
    }

    @Test
    void messagesWithDifferentFieldsOrTypesAreNotEqual() {
        assertNotEquals(new ProducerFinished("c", "m"), new ProducerFinished("c", "other"));
        assertNotEquals(new ProducerFinished("c", null), new ProducerFinished("other", null));
        assertNotEquals(new Status("x"), new Status("y"));
        assertNotEquals(new Notify("c", 1), new Notify("c", 2));
        assertNotEquals(new ErrorInformation("c", new RuntimeException(), "m"),
                new ErrorInformation("c", new RuntimeException(), "m"),
                "distinct exception objects make distinct ErrorInformation");
        assertNotEquals((Object) new ProducerFinished(), new ShutdownMicroprocess(List.of()));
    }

    @Test
    void messagesCanBeMatchedByPattern() {
        Ipc m = new ProducerFinished("me", null);
        String kind = switch (m) {
            case ProducerFinished pf -> "finished by " + pf.caller();
            default -> "other";
        };
        assertEquals("finished by me", kind);
    }
}
