package org.kamaelia4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;

/**
 * A population of idle things of one kind (components, virtual threads, actors), grown in
 * batches and torn down at the end: what {@link IdleMemory} and {@link LiveComponents} measure.
 *
 * <pre>{@code
 * try (Idlers idlers = Idlers.kamaelia(false)) {
 *     idlers.grow(100_000);      // returns once all of them are idle
 *     long held = idlers.size();
 * }
 * }</pre>
 *
 * <p>Idle means: a component activated on a running scheduler that has had its first slice and
 * paused, with its default boxes (inbox, control, outbox, signal), declared and unused or, in a
 * chain, with its outbox linked to the next one's inbox; a virtual thread that has
 * parked, with or without a mailbox of its own to block on; an actor that has been constructed
 * and waits for mail. Kamaelia4J components are held by their scheduler, actors by a parent actor;
 * virtual threads are held in a list here (about four bytes each), since something must hold them
 * to end them.
 */
abstract class Idlers implements AutoCloseable {

    /** How many are idle now. */
    abstract long size();

    /** Adds {@code n} and returns once all of them are idle. */
    abstract void grow(int n) throws Exception;

    /** Ends all of them and returns once they are gone. */
    @Override
    public abstract void close() throws Exception;

    /** The kinds, by name, in report order. */
    static List<Kind> kinds() {
        return List.of(
                new Kind("Kamaelia4J components (default boxes)", true, () -> kamaelia(false)),
                new Kind("Kamaelia4J components in a chain, each outbox linked to the next inbox", false,
                        () -> kamaelia(true)),
                new Kind("virtual threads, parked", false, () -> virtualThreads(false)),
                new Kind("virtual threads, each blocked on its own LinkedBlockingQueue", false,
                        () -> virtualThreads(true)),
                new Kind("Pekko actors", false, Idlers::pekko));
    }

    /** A kind of idler: its name, whether it is Kamaelia4J, how to make an empty population. */
    record Kind(String name, boolean ours, Supplier<Idlers> make) {
    }

    /** Heap in use after a full collection, in bytes. */
    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---- Kamaelia4J ----

    /**
     * Idle components; {@code chained}: each one's outbox linked to the next one's inbox, so that
     * those two boxes and a linkage are made (a declared box costs nothing until it is used).
     */
    static Idlers kamaelia(boolean chained) {
        Scheduler s = Scheduler.create(1);
        s.startInBackground();
        return new Idlers() {
            private long size;
            private Idle last;

            @Override
            long size() {
                return size;
            }

            @Override
            void grow(int n) {
                List<Idle> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Idle c = new Idle();
                    if (chained && last != null) {
                        last.link(last, Component.OUTBOX, c, Component.INBOX);
                    }
                    last = c;
                    c.activate(s);
                    batch.add(c);
                }
                for (Idle c : batch) {
                    while (!s.isPaused(c)) {
                        Thread.onSpinWait();
                    }
                }
                size += n;
            }

            @Override
            public void close() throws InterruptedException {
                s.stop();
                while (s.isRunning()) {
                    Thread.sleep(5);
                }
            }
        };
    }

    /** A component that pauses on its first slice and stays paused. */
    private static final class Idle extends Component {
        @Override
        protected Step main() {
            return Step.PAUSE;
        }
    }

    // ---- virtual threads ----

    static Idlers virtualThreads(boolean withMailbox) {
        return new Idlers() {
            private final List<Thread> threads = new ArrayList<>();
            private volatile boolean closing;

            @Override
            long size() {
                return threads.size();
            }

            @Override
            void grow(int n) {
                int from = threads.size();
                for (int i = 0; i < n; i++) {
                    threads.add(Thread.ofVirtual().start(withMailbox ? this::takeFromOwnMailbox : this::park));
                }
                for (int i = from; i < threads.size(); i++) {
                    Thread t = threads.get(i);
                    while (t.getState() != Thread.State.WAITING) {
                        Thread.onSpinWait();
                    }
                }
            }

            private void park() {
                while (!closing) {
                    LockSupport.park();
                }
            }

            private void takeFromOwnMailbox() {
                try {
                    new LinkedBlockingQueue<Object>().take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void close() throws InterruptedException {
                closing = true;
                threads.forEach(Thread::interrupt);
                for (Thread t : threads) {
                    t.join();
                }
                threads.clear();
            }
        };
    }

    // ---- Pekko ----

    static Idlers pekko() {
        AtomicLong constructed = new AtomicLong();
        ActorRef nursery = Peers.pekko().actorOf(Props.create(Nursery.class, () -> new Nursery(constructed)));
        return new Idlers() {
            @Override
            long size() {
                return constructed.get();
            }

            @Override
            void grow(int n) throws Exception {
                long target = constructed.get() + n;
                Patterns.ask(nursery, n, Duration.ofMinutes(5)).toCompletableFuture().get(5, TimeUnit.MINUTES);
                while (constructed.get() < target) {
                    Thread.sleep(1);
                }
            }

            @Override
            public void close() throws Exception {
                Patterns.gracefulStop(nursery, Duration.ofMinutes(5)).toCompletableFuture().get(5, TimeUnit.MINUTES);
            }
        };
    }

    /** Makes as many idle children as it is asked for, and says when it has. */
    static final class Nursery extends AbstractActor {
        private final Props child;

        Nursery(AtomicLong constructed) {
            child = Props.create(IdleActor.class, () -> new IdleActor(constructed));
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().match(Integer.class, n -> {
                for (int i = 0; i < n; i++) {
                    getContext().actorOf(child);
                }
                getSender().tell(n, getSelf());
            }).build();
        }
    }

    /** Counts itself when constructed (keeping no field) and ignores its mail. */
    static final class IdleActor extends AbstractActor {
        IdleActor(AtomicLong constructed) {
            constructed.incrementAndGet();
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().build();
        }
    }
}
