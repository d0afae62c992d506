package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.TestComponents.Passive;

/**
 * Ports Axon's test_AdaptiveCommsComponent.py. Axon's KeyError for unknown boxes is
 * {@link UnknownBoxException} here.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AdaptiveCommsComponentTest extends ScheduledTest {

    /** The smallest concrete AdaptiveCommsComponent. */
    private static final class Acc extends AdaptiveCommsComponent {
        @Override
        protected Step main() {
            return Step.DONE;
        }
    }

    // test_SmokeTest_NoArguments: standard boxes, all empty
    @Test
    void startsWithTheStandardBoxes() {
        Acc a = new Acc();
        assertTrue(a instanceof Component);
        assertEquals(Set.of("inbox", "control"), a.inboxNames());
        assertEquals(Set.of("outbox", "signal"), a.outboxNames());
        assertEquals(0, a.dataCount("inbox"));
        assertEquals(0, a.dataCount("control"));
    }

    // test_addInbox_newName
    @Test
    void addInboxWithANewNameUsesThatName() {
        Acc a = new Acc();
        String name = a.addInbox("name");
        assertEquals("name", name);
        assertTrue(a.inboxNames().contains(name));
        assertFalse(a.dataReady(name), "a new inbox is empty");
        assertEquals(0, a.dataCount(name));
    }

    // test_addInbox_existingName
    @Test
    void addInboxWithAnExistingNameUsesASimilarNewName() {
        Acc a = new Acc();
        String first = a.addInbox("name");
        String second = a.addInbox("name");
        assertNotEquals(first, second);
        assertTrue(second.startsWith("name"), second);
        assertTrue(a.inboxNames().containsAll(Set.of(first, second)));
        String third = a.addInbox("inbox");
        assertNotEquals("inbox", third, "a standard box name is also taken");
        assertTrue(third.startsWith("inbox"), third);
    }

    // test_addOutbox_newName
    @Test
    void addOutboxWithANewNameUsesThatName() {
        Acc a = new Acc();
        String name = a.addOutbox("name");
        assertEquals("name", name);
        assertTrue(a.outboxNames().contains(name));
        assertFalse(a.inboxNames().contains(name), "an outbox is not an inbox");
    }

    // test_addOutbox_existingName
    @Test
    void addOutboxWithAnExistingNameUsesASimilarNewName() {
        Acc a = new Acc();
        String first = a.addOutbox("name");
        String second = a.addOutbox("name");
        assertNotEquals(first, second);
        assertTrue(second.startsWith("name"), second);
        assertTrue(a.outboxNames().containsAll(Set.of(first, second)));
    }

    // test_InboxModification: add four, delete them, only the standard inboxes are left
    @Test
    void addingAndDeletingInboxesLeavesTheStandardOnes() {
        Acc a = new Acc();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Set<String> before = Set.copyOf(a.inboxNames());
            String name = a.addInbox("name");
            assertFalse(before.contains(name), "added inbox has a new name");
            assertTrue(a.inboxNames().contains(name));
            assertEquals(0, a.dataCount(name));
            added.add(name);
        }
        assertEquals(4, new HashSet<>(added).size());
        for (String name : added) {
            a.deleteInbox(name);
            assertFalse(a.inboxNames().contains(name), "inbox was deleted");
        }
        assertEquals(Set.of("inbox", "control"), a.inboxNames());
    }

    // test_OutboxModification
    @Test
    void addingAndDeletingOutboxesLeavesTheStandardOnes() {
        Acc a = new Acc();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Set<String> before = Set.copyOf(a.outboxNames());
            String name = a.addOutbox("name");
            assertFalse(before.contains(name));
            assertTrue(a.outboxNames().contains(name));
            added.add(name);
        }
        for (String name : added) {
            a.deleteOutbox(name);
            assertFalse(a.outboxNames().contains(name));
        }
        assertEquals(Set.of("outbox", "signal"), a.outboxNames());
    }

    // test_deleteInbox_invalidInbox: unknown or already deleted inbox
    @Test
    void deletingAnUnknownInboxFails() {
        Acc a = new Acc();
        assertThrows(UnknownBoxException.class, () -> a.deleteInbox("NonExistantInbox"));
        String name = a.addInbox("gone");
        a.deleteInbox(name);
        assertThrows(UnknownBoxException.class, () -> a.deleteInbox(name), "already deleted");
        assertThrows(UnknownBoxException.class, () -> a.deleteInbox("outbox"), "an outbox is not an inbox");
    }

    // test_deleteInbox_validInbox (a standard inbox can be deleted too)
    @Test
    void deletingAStandardInboxRemovesIt() {
        Acc a = new Acc();
        a.deleteInbox("control");
        assertEquals(Set.of("inbox"), a.inboxNames());
    }

    // test_deleteOutbox_invalidOutbox
    @Test
    void deletingAnUnknownOutboxFails() {
        Acc a = new Acc();
        assertThrows(UnknownBoxException.class, () -> a.deleteOutbox("NonExistantOutbox"));
        String name = a.addOutbox("gone");
        a.deleteOutbox(name);
        assertThrows(UnknownBoxException.class, () -> a.deleteOutbox(name), "already deleted");
        assertThrows(UnknownBoxException.class, () -> a.deleteOutbox("inbox"), "an inbox is not an outbox");
    }

    // test_deleteOutbox_validOutbox
    @Test
    void deletingAStandardOutboxRemovesIt() {
        Acc a = new Acc();
        a.deleteOutbox("signal");
        assertEquals(Set.of("outbox"), a.outboxNames());
    }

    @Test
    void aDeletedInboxIsUnknownToBoxOperations() {
        Acc a = new Acc();
        String name = a.addInbox("temp");
        a.deleteInbox(name);
        assertThrows(UnknownBoxException.class, () -> a.dataReady(name));
        assertThrows(UnknownBoxException.class, () -> a.recv(name));
        String out = a.addOutbox("tempout");
        a.deleteOutbox(out);
        assertThrows(UnknownBoxException.class, () -> a.send("x", out));
    }

    @Test
    void addedBoxesCarryMessagesThroughLinks() {
        Acc a = new Acc();
        Passive other = new Passive();
        String in = a.addInbox("dynin");
        String out = a.addOutbox("dynout");
        other.link(other, "outbox", a, in);
        a.link(a, out, other, "inbox");
        other.send("to-acc", "outbox");
        assertTrue(a.dataReady(in));
        assertEquals("to-acc", a.recv(in));
        a.send("from-acc", out);
        assertEquals("from-acc", other.recv("inbox"));
        assertThrows(NoSuchElementException.class, () -> a.recv(in), "recv on an empty added inbox");
    }

    // test_trackResource_validDefaultInbox
    @Test
    void trackResourceOnAStandardInbox() {
        Acc a = new Acc();
        Object resource = "resource";
        a.trackResource(resource, "inbox");
        assertSame(resource, a.retrieveTrackedResource("inbox"));
    }

    // test_trackResource_validDynamicInbox
    @Test
    void trackResourceOnAnAddedInbox() {
        Acc a = new Acc();
        Object resource = new Object();
        String box = a.addInbox("dynamic");
        a.trackResource(resource, box);
        assertSame(resource, a.retrieveTrackedResource(box));
    }

    // test_trackResource_invalidInbox
    @Test
    void trackResourceOnAnUnknownInboxFails() {
        Acc a = new Acc();
        String box = a.addInbox("name") + "-does-not-exist";
        assertThrows(UnknownBoxException.class, () -> a.trackResource("resource", box));
    }

    // test_trackResourceInformation_validDefaultBoxes
    @Test
    void trackResourceInformationWithStandardBoxes() {
        Acc a = new Acc();
        List<String> inboxes = List.of("inbox", "control");
        List<String> outboxes = List.of("outbox", "signal");
        String info = "qwertyuiopasdfghjklzxcvbnm";
        a.trackResourceInformation("resource", inboxes, outboxes, info);
        AdaptiveCommsComponent.TrackedResource stored = a.retrieveTrackedResourceInformation("resource");
        assertEquals(inboxes, stored.inboxes());
        assertEquals(outboxes, stored.outboxes());
        assertEquals(info, stored.information());
    }

    // test_trackResourceInformation_validDynamicBoxes
    @Test
    void trackResourceInformationWithAddedBoxes() {
        Acc a = new Acc();
        List<String> inboxes = List.of(a.addInbox("dynamic"), a.addInbox("dynamic"), a.addInbox("dynamic"));
        List<String> outboxes = List.of(a.addOutbox("dynamic"), a.addOutbox("dynamic"), a.addOutbox("dynamic"));
        Object info = new Object();
        Object resource = new Object();
        a.trackResourceInformation(resource, inboxes, outboxes, info);
        AdaptiveCommsComponent.TrackedResource stored = a.retrieveTrackedResourceInformation(resource);
        assertEquals(inboxes, stored.inboxes());
        assertEquals(outboxes, stored.outboxes());
        assertSame(info, stored.information());
    }

    // test_trackResourceInformation_invalidInboxes
    @Test
    void trackResourceInformationWithAnUnknownInboxFails() {
        Acc a = new Acc();
        List<String> inboxes = List.of(a.addInbox("name") + "-does-not-exist");
        List<String> outboxes = List.of(a.addOutbox("dynamic"));
        assertThrows(UnknownBoxException.class,
                () -> a.trackResourceInformation("resource", inboxes, outboxes, "info"));
    }

    // test_trackResourceInformation_invalidOutboxes
    @Test
    void trackResourceInformationWithAnUnknownOutboxFails() {
        Acc a = new Acc();
        List<String> inboxes = List.of(a.addInbox("dynamic"));
        List<String> outboxes = List.of(a.addOutbox("name") + "-does-not-exist");
        assertThrows(UnknownBoxException.class,
                () -> a.trackResourceInformation("resource", inboxes, outboxes, "info"));
    }

    @Test
    void ceaseTrackingResourceForgetsIt() {
        Acc a = new Acc();
        a.trackResource("resource", "inbox");
        a.trackResourceInformation("resource", List.of("inbox"), List.of("outbox"), "info");
        a.ceaseTrackingResource("resource");
        // the contract names no exception type for an untracked resource (Axon: KeyError)
        assertThrows(RuntimeException.class, () -> a.retrieveTrackedResourceInformation("resource"));
        assertNull(a.retrieveTrackedResource("inbox"), "its inbox association is gone too");
    }

    /**
     * Adds an inbox before activation and reads numbers from it until it has {@code n}; it sleeps
     * in between, so each delivery to the added inbox has to wake it.
     */
    private static final class DynamicReader extends AdaptiveCommsComponent {
        final String box = addInbox("dynamic");
        final List<Object> got = new CopyOnWriteArrayList<>();
        private final int n;

        DynamicReader(int n) {
            this.n = n;
        }

        @Override
        protected Step main() {
            while (dataReady(box)) {
                got.add(recv(box));
            }
            return got.size() >= n ? Step.DONE : Step.PAUSE;
        }
    }

    /** Sends 0..n-1, one per slice. */
    private static final class Counter extends Component {
        private final int n;
        private int next;

        Counter(int n) {
            this.n = n;
        }

        @Override
        protected Step main() {
            if (next < n) {
                send(next++);
                return Step.CONTINUE;
            }
            return Step.DONE;
        }
    }

    // threadedadaptivecommscomponent_Test.test_addInbox (without the thread): data reaches an added inbox
    @ParameterizedTest
    @MethodSource("schedulers")
    void deliveryToAnAddedInboxWakesTheComponent(int workers) {
        Scheduler s = scheduler(workers);
        DynamicReader reader = new DynamicReader(50);
        Counter counter = new Counter(50);
        counter.link(counter, "outbox", reader, reader.box);
        reader.activate(s);
        counter.activate(s);
        assertTrue(s.run(Duration.ofSeconds(8)), "both should finish");
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(i);
        }
        assertEquals(expected, reader.got);
        assertTrue(reader.isStopped());
    }

    /** Adds an outbox while running, in its first slice, and sends on it. */
    private static final class DynamicWriter extends AdaptiveCommsComponent {
        private final Component target;

        DynamicWriter(Component target) {
            this.target = target;
        }

        @Override
        protected Step main() {
            String out = addOutbox("newbox");
            link(this, out, target, "inbox");
            send("hello", out);
            return Step.DONE;
        }
    }

    /** Waits for one message on its inbox and keeps it. */
    private static final class OneReceiver extends Component {
        volatile Object got;

        @Override
        protected Step main() {
            if (dataReady()) {
                got = recv();
                return Step.DONE;
            }
            return Step.PAUSE;
        }
    }

    // threadedadaptivecommscomponent_Test.test_addOutbox (without the thread)
    @ParameterizedTest
    @MethodSource("schedulers")
    void anOutboxAddedWhileRunningCanBeLinkedAndSentOn(int workers) {
        Scheduler s = scheduler(workers);
        OneReceiver r = new OneReceiver();
        DynamicWriter w = new DynamicWriter(r);
        r.activate(s);
        w.activate(s);
        assertTrue(s.run(Duration.ofSeconds(8)));
        assertEquals("hello", r.got);
    }
}
