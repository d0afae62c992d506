package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ports Axon's test_CoordinatingAssistantTracker.py. The tracker is per scheduler
 * ({@link Scheduler#tracker()}), not a process-wide singleton (no global mutable class state), so
 * Axon's parent-tracker cases (test_SmokeTest_SingleParent, test_SmokeTest_InvalidSingleParent)
 * have no counterpart. Axon's retrieveValue of an unknown name raised
 * AccessToUndeclaredTrackedVariable; here unknown services and values raise
 * {@link NoSuchElementException} (per the API notes).
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CoordinatingAssistantTrackerTest {

    /** Axon's dummyComponent: standard boxes, does nothing. */
    private static final class DummyComponent extends Component {
        @Override
        protected Step main() {
            return Step.DONE;
        }
    }

    private static CoordinatingAssistantTracker freshTracker() {
        return Scheduler.create(1).tracker();
    }

    // test_SmokeTest_NoArguments: initially tracking no services
    @Test
    void newTrackerHasNoServices() {
        CoordinatingAssistantTracker cat = freshTracker();
        assertNotNull(cat);
        assertTrue(cat.servicesRegistered().isEmpty());
    }

    @Test
    void eachSchedulerHasItsOwnTracker() {
        Scheduler s1 = Scheduler.create(1);
        Scheduler s2 = Scheduler.create(1);
        assertSame(s1.tracker(), s1.tracker(), "a scheduler keeps one tracker");
        assertNotSame(s1.tracker(), s2.tracker(), "trackers are per scheduler, not global");
        s1.tracker().registerService("svc", new DummyComponent(), "inbox");
        assertTrue(s2.tracker().servicesRegistered().isEmpty(), "no state leaks between schedulers' trackers");
        s1.tracker().trackValue("key", 1);
        assertThrows(NoSuchElementException.class, () -> s2.tracker().retrieveValue("key"));
    }

    // test_registerService_Add
    @Test
    void registerServiceAddsTheName() {
        CoordinatingAssistantTracker cat = freshTracker();
        cat.registerService("someservice", new DummyComponent(), "control");
        assertEquals(Set.of("someservice"), Set.copyOf(cat.servicesRegistered()));
    }

    // test_registerService_AddExisting: a duplicate fails, even with the same arguments
    @Test
    void registeringADuplicateServiceFails() {
        CoordinatingAssistantTracker cat = freshTracker();
        DummyComponent c = new DummyComponent();
        cat.registerService("someservice", c, "control");
        assertThrows(ServiceAlreadyExistsException.class, () -> cat.registerService("someservice", c, "control"));
        assertEquals(new Service(c, "control"), cat.retrieveService("someservice"), "the original stays registered");
    }

    // test_registerService_BadComponent (Axon: a string as component; Java: null)
    @Test
    void registeringANullComponentFails() {
        CoordinatingAssistantTracker cat = freshTracker();
        assertThrows(BadComponentException.class, () -> cat.registerService("someservice", null, "control"));
        assertTrue(cat.servicesRegistered().isEmpty());
    }

    // test_registerService_BadInbox
    @Test
    void registeringAnInboxTheComponentLacksFails() {
        CoordinatingAssistantTracker cat = freshTracker();
        DummyComponent c = new DummyComponent();
        assertThrows(BadInboxException.class, () -> cat.registerService("someservice", c, "badinbox"));
        assertThrows(BadInboxException.class, () -> cat.registerService("someservice", c, "outbox"),
                "an outbox is not an inbox");
        assertTrue(cat.servicesRegistered().isEmpty());
    }

    // test_retrieveService_basic
    @Test
    void retrieveServiceReturnsTheComponentAndInbox() {
        CoordinatingAssistantTracker cat = freshTracker();
        DummyComponent c = new DummyComponent();
        cat.registerService("someservice", c, "control");
        Service svc = cat.retrieveService("someservice");
        assertSame(c, svc.component());
        assertEquals("control", svc.inbox());
    }

    // test_retrieveService_nonexistantservice (Axon: KeyError)
    @Test
    void retrievingAnUnknownServiceFails() {
        assertThrows(NoSuchElementException.class, () -> freshTracker().retrieveService("someservice"));
    }

    // test_deRegisterService
    @Test
    void deRegisterServiceRemovesIt() {
        CoordinatingAssistantTracker cat = freshTracker();
        cat.registerService("someservice", new DummyComponent(), "control");
        cat.deRegisterService("someservice");
        assertTrue(cat.servicesRegistered().isEmpty());
        assertThrows(NoSuchElementException.class, () -> cat.retrieveService("someservice"));
        assertDoesNotThrow(() -> cat.registerService("someservice", new DummyComponent(), "inbox"),
                "the name is free again");
    }

    // test_deRegisterService_nonExistantService
    @Test
    void deRegisteringAnUnknownServiceFails() {
        CoordinatingAssistantTracker cat = freshTracker();
        assertThrows(MultipleServiceDeletionException.class, () -> cat.deRegisterService("someservice"));
        cat.registerService("someservice", new DummyComponent(), "control");
        cat.deRegisterService("someservice");
        assertThrows(MultipleServiceDeletionException.class, () -> cat.deRegisterService("someservice"),
                "deleting twice fails");
    }

    // test_trackValue_basic (Axon checks informationItemsLogged; here the value is retrievable)
    @Test
    void trackValueStoresTheValue() {
        CoordinatingAssistantTracker cat = freshTracker();
        cat.trackValue("stats.pages.hitcount", 5);
        assertEquals(5, cat.retrieveValue("stats.pages.hitcount"));
    }

    // test_trackValue_addTwice
    @Test
    void trackingAValueTwiceFails() {
        CoordinatingAssistantTracker cat = freshTracker();
        cat.trackValue("stats.pages.hitcount", 5);
        assertThrows(NamespaceClashException.class, () -> cat.trackValue("stats.pages.hitcount", 6));
        assertEquals(5, cat.retrieveValue("stats.pages.hitcount"), "the first value is kept");
    }

    // test_retrieveValue_basic / test_informationItemsLogged
    @Test
    void retrieveValueReturnsEachTrackedValue() {
        CoordinatingAssistantTracker cat = freshTracker();
        cat.trackValue("stats.pages.hitcount", 5);
        cat.trackValue("stats.pages.pagecount", 6);
        cat.trackValue("stats.foobar.count", 7);
        assertEquals(5, cat.retrieveValue("stats.pages.hitcount"));
        assertEquals(6, cat.retrieveValue("stats.pages.pagecount"));
        assertEquals(7, cat.retrieveValue("stats.foobar.count"));
    }

    // test_retrieveValue_notStored
    @Test
    void retrievingAnUntrackedValueFails() {
        assertThrows(NoSuchElementException.class, () -> freshTracker().retrieveValue("stats.pages.hitcount"));
    }

    // test_updateValue_basic
    @Test
    void updateValueReplacesTheValue() {
        CoordinatingAssistantTracker cat = freshTracker();
        cat.trackValue("stats.pages.hitcount", 5);
        cat.updateValue("stats.pages.hitcount", 10);
        assertEquals(10, cat.retrieveValue("stats.pages.hitcount"));
    }

    // test_updateValue_undeclaredTrackedVariable
    @Test
    void updatingAnUntrackedValueFails() {
        CoordinatingAssistantTracker cat = freshTracker();
        assertThrows(AccessToUndeclaredTrackedVariableException.class,
                () -> cat.updateValue("stats.pages.hitcount", 10));
        assertThrows(NoSuchElementException.class, () -> cat.retrieveValue("stats.pages.hitcount"),
                "a failed update does not declare the value");
    }

    @Test
    void servicesAndValuesLiveInSeparateNamespaces() {
        CoordinatingAssistantTracker cat = freshTracker();
        cat.registerService("name", new DummyComponent(), "inbox");
        assertDoesNotThrow(() -> cat.trackValue("name", 1));
        assertEquals(1, cat.retrieveValue("name"));
        assertEquals("inbox", cat.retrieveService("name").inbox());
    }

    @Test
    void concurrentRegistrationsOfDistinctNamesAllSucceed() throws Exception {
        CoordinatingAssistantTracker cat = freshTracker();
        int threads = 4;
        int perThread = 500;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> ts = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        cat.registerService("svc-" + id + "-" + i, new DummyComponent(), "inbox");
                        cat.trackValue("val-" + id + "-" + i, i);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        assertTrue(errors.isEmpty(), () -> "errors: " + errors);
        Set<String> names = new HashSet<>(cat.servicesRegistered());
        assertEquals(threads * perThread, names.size());
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertEquals(i, cat.retrieveValue("val-" + t + "-" + i));
            }
        }
    }

    @Test
    void concurrentRegistrationsOfOneNameLetExactlyOneWin() throws Exception {
        CoordinatingAssistantTracker cat = freshTracker();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        java.util.concurrent.atomic.AtomicInteger wins = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger clashes = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    cat.registerService("contended", new DummyComponent(), "inbox");
                    wins.incrementAndGet();
                } catch (ServiceAlreadyExistsException e) {
                    clashes.incrementAndGet();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        assertEquals(1, wins.get());
        assertEquals(threads - 1, clashes.get());
    }
}
