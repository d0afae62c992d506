package org.kamaelia4j.components.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamaelia4j.components.chassis.Harness.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ServiceAlreadyExistsException;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.chassis.Harness.Probe;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;

@Timeout(60)
class BackplaneTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Scheduler s;

    @AfterEach
    void stopScheduler() {
        if (s != null) {
            s.stop();
        }
    }

    private Scheduler background(int workers) {
        s = Scheduler.create(workers);
        s.startInBackground();
        return s;
    }

    /** A subscriber feeding a collector, activated; returns the collector. */
    private record Subscriber(SubscribeTo subscribeTo, Collector collector) {
        static Subscriber on(String backplane, Scheduler s) {
            Subscriber sub = new Subscriber(new SubscribeTo(backplane), new Collector());
            new Pipeline(sub.subscribeTo, sub.collector).activate(s);
            return sub;
        }
    }

    /** A probe whose outbox feeds {@code c}'s control; never activated. */
    private static Probe controller(Component c) {
        Probe p = new Probe();
        p.link(p, Component.OUTBOX, c, Component.CONTROL);
        return p;
    }

    private static void publish(String backplane, Scheduler s, List<Object> messages) {
        new Pipeline(new DataSource(messages), new PublishTo(backplane)).activate(s);
    }

    private static List<Object> range(int from, int to) {
        return new ArrayList<>(IntStream.range(from, to).boxed().toList());
    }

    @Test
    void subscribersGetWhatIsPublishedAndPublishersFinishingLeaveTheBackplaneRunning() throws Exception {
        background(1);
        Backplane bp = new Backplane("news");
        bp.activate(s);
        Subscriber a = Subscriber.on("news", s);
        Subscriber b = Subscriber.on("news", s);
        await(() -> a.subscribeTo.isSubscribed() && b.subscribeTo.isSubscribed(), "both subscribed");
        publish("news", s, List.of(1, 2, 3));
        assertEquals(List.of(1, 2, 3), a.collector.awaitCount(3, WAIT));
        assertEquals(List.of(1, 2, 3), b.collector.awaitCount(3, WAIT));
        publish("news", s, List.of(4));
        assertEquals(List.of(1, 2, 3, 4), a.collector.awaitCount(4, WAIT), "the first publisher's end stopped nothing");
        Probe direct = new Probe();
        direct.link(direct, Component.OUTBOX, bp, Component.INBOX);
        direct.send(5);
        assertEquals(List.of(1, 2, 3, 4, 5), b.collector.awaitCount(5, WAIT), "the backplane's inbox publishes too");
        assertFalse(bp.isStopped());
        assertTrue(s.tracker().servicesRegistered().containsAll(
                Set.of(Backplane.publishService("news"), Backplane.subscribeService("news"))));
    }

    @Test
    void shutdownToTheBackplaneReachesSubscribersAndDeregistersItsNames() {
        background(2);
        Backplane bp = new Backplane("bus");
        Probe watcher = new Probe();
        watcher.link(bp, Component.SIGNAL, watcher, Component.CONTROL);
        bp.activate(s);
        Subscriber a = Subscriber.on("bus", s);
        await(a.subscribeTo::isSubscribed, "subscribed");
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        controller(bp).send(stop);
        assertSame(stop, watcher.next(Component.CONTROL), "the backplane passes it on");
        await(() -> bp.isStopped() && a.collector.shutdownMessage() != null, "backplane and subscriber end");
        assertSame(stop, a.collector.shutdownMessage());
        assertEquals(0, bp.subscriberCount(), "a finished backplane sends to no one");
        assertEquals(Set.of(), s.tracker().servicesRegistered());
        Backplane again = new Backplane("bus");
        again.activate(s);    // the name is free again
        assertTrue(s.tracker().servicesRegistered().contains(Backplane.publishService("bus")));
    }

    @Test
    void aSecondBackplaneOfTheSameNameIsRefused() {
        Scheduler one = Scheduler.create(1);
        new Backplane("dup").activate(one);
        Backplane second = new Backplane("dup");
        assertThrows(ServiceAlreadyExistsException.class, () -> second.activate(one));
        assertEquals(null, second.scheduler(), "not activated");
        new Backplane("dup").activate(Scheduler.create(1));   // another scheduler has its own tracker
    }

    @Test
    void stoppingASubscriberUnsubscribesItAndLeavesTheOthers() throws Exception {
        background(2);
        Backplane bp = new Backplane("chan");
        bp.activate(s);
        Subscriber leaving = Subscriber.on("chan", s);
        Subscriber staying = Subscriber.on("chan", s);
        await(() -> bp.subscriberCount() == 2, "both subscribed");
        controller(leaving.subscribeTo).send(new ShutdownMicroprocess());
        await(() -> leaving.collector.shutdownMessage() != null && bp.subscriberCount() == 1, "one left");
        publish("chan", s, List.of("after"));
        assertEquals(List.of("after"), staying.collector.awaitCount(1, WAIT));
        assertEquals(List.of(), leaving.collector.collected());
        assertFalse(bp.isStopped());
    }

    @Test
    void aLateSubscriberGetsExactlyWhatIsPublishedAfterItSubscribed() throws Exception {
        background(2);
        new Backplane("late").activate(s);
        Subscriber early = Subscriber.on("late", s);
        await(early.subscribeTo::isSubscribed, "early subscribed");
        publish("late", s, range(0, 200));
        early.collector.awaitCount(200, WAIT);
        Subscriber late = Subscriber.on("late", s);
        await(late.subscribeTo::isSubscribed, "late subscribed");
        publish("late", s, range(200, 400));
        assertEquals(range(0, 400), early.collector.awaitCount(400, WAIT));
        assertEquals(range(200, 400), late.collector.awaitCount(200, WAIT));
    }

    @Test
    void withoutABackplaneAPublisherFailsNamingIt() {
        Scheduler one = Scheduler.create(1);
        PublishTo orphan = new PublishTo("nowhere");
        Probe watcher = new Probe();
        watcher.link(orphan, Component.SIGNAL, watcher, Component.CONTROL);
        orphan.activate(one);
        assertTrue(one.run(WAIT));
        ErrorInformation e = assertInstanceOf(ErrorInformation.class, watcher.drain(Component.CONTROL).get(0));
        assertTrue(e.exception().getMessage().contains("'nowhere'"), e.exception().getMessage());
    }

    @Test
    void stressManyPublishersAndSubscribersOnTwoWorkersDeliverEveryMessageExactlyOnceInOrder() throws Exception {
        int publishers = 6;
        int perPublisher = 500;
        int subscribers = 8;
        background(2);
        Backplane bp = new Backplane("stress");
        bp.activate(s);
        List<Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            Subscriber sub = Subscriber.on("stress", s);
            if (i % 2 == 0) {
                sub.collector.setInboxSize(Component.INBOX, 4);   // slow sinks: back-pressure, no loss
            }
            subs.add(sub);
        }
        await(() -> subs.stream().allMatch(x -> x.subscribeTo.isSubscribed()), "all subscribed");
        for (int p = 0; p < publishers; p++) {
            List<Object> batch = new ArrayList<>();
            for (int i = 0; i < perPublisher; i++) {
                batch.add(p + ":" + i);
            }
            publish("stress", s, batch);
        }
        int total = publishers * perPublisher;
        for (Subscriber sub : subs) {
            List<Object> got = sub.collector.awaitCount(total, WAIT);
            assertEquals(total, got.size());
            for (int p = 0; p < publishers; p++) {
                String prefix = p + ":";
                List<Object> fromP = got.stream().filter(m -> ((String) m).startsWith(prefix)).toList();
                List<Object> expected = IntStream.range(0, perPublisher).mapToObj(i -> (Object) (prefix + i)).toList();
                assertEquals(expected, fromP, "publisher " + p + "'s messages, each once, in order");
            }
        }
        assertFalse(bp.isStopped(), "publishers finishing did not stop the backplane");
        controller(bp).send(new ShutdownMicroprocess());
        await(() -> bp.isStopped() && subs.stream().allMatch(x -> x.collector.shutdownMessage() != null),
                "the shutdown reaches every subscriber");
        for (Subscriber sub : subs) {
            assertEquals(total, sub.collector.collected().size(), "nothing extra arrived");
        }
        assertEquals(Set.of(), s.tracker().servicesRegistered());
    }
}
