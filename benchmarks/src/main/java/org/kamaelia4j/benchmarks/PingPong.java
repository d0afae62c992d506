package org.kamaelia4j.benchmarks;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.jcsp.lang.CSProcess;
import org.jcsp.lang.Channel;
import org.jcsp.lang.One2OneChannel;
import org.jcsp.lang.Parallel;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;

/**
 * Two parties bouncing a ball: nanoseconds per round trip, against a raw volatile-spin ping-pong
 * between two platform threads measured in the same run.
 *
 * <p>Kamaelia4J runs it twice: both components on one two-worker scheduler (where they run is the
 * scheduler's business: locality may well put them on one worker), and each component on its own
 * one-worker scheduler on its own thread, which forces every hop across threads, with a park and
 * an unpark when a side runs dry. Slow baselines make a fraction of the round trips (said in their
 * names); the figure is per round trip either way.
 */
final class PingPong implements Workload {

    private static final Object BALL = "ball";
    private static final Object STOP = "stop";

    @Override
    public String name() {
        return "ping-pong";
    }

    @Override
    public String title() {
        return "Ping-pong between two parties: ns per round trip, against a volatile-spin ping-pong";
    }

    @Override
    public Unit unit() {
        return Unit.NS_PER_OP;
    }

    @Override
    public String target() {
        return "<= 3x the raw volatile-spin ping-pong of the same run";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 200_000 : 2_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J, one 2-worker scheduler", true, n -> perTrip(n, () -> kamaelia(n))),
                new Contender("Kamaelia4J, two 1-worker schedulers on two threads", false,
                        n -> perTrip(n, () -> kamaeliaAcross(n))),
                new Contender("raw volatile spin, two platform threads (1/100 of the trips)", false,
                        n -> perTrip(n / 100, () -> spin(n / 100))),
                new Contender("virtual threads + SynchronousQueue (1/5 of the trips)", false,
                        n -> perTrip(n / 5, () -> threads(n / 5, Thread.ofVirtual().factory()))),
                new Contender("platform threads + SynchronousQueue (1/20 of the trips)", false,
                        n -> perTrip(n / 20, () -> threads(n / 20, Thread.ofPlatform().factory()))),
                new Contender("Pekko actors, default dispatcher (1/5 of the trips)", false,
                        n -> perTrip(n / 5, () -> pekko(n / 5))),
                new Contender("JCSP One2OneChannel processes (1/50 of the trips)", false,
                        n -> perTrip(n / 50, () -> jcsp(n / 50))));
    }

    /** Runs {@code job}, which makes {@code trips} round trips, and returns the nanoseconds per trip. */
    private static double perTrip(long trips, Job job) throws Exception {
        long start = System.nanoTime();
        long made = job.run();
        long elapsed = System.nanoTime() - start;
        if (made != trips) {
            throw new IllegalStateException("ping-pong made " + made + " of " + trips + " round trips");
        }
        return (double) elapsed / trips;
    }

    /** A ping-pong run; returns how many round trips the pinger saw complete. */
    @FunctionalInterface
    private interface Job {
        long run() throws Exception;
    }

    static long kamaelia(long trips) {
        Scheduler s = Scheduler.create(2);
        Pinger ping = new Pinger(trips);
        Ponger pong = new Ponger();
        ping.link(ping, Component.OUTBOX, pong, Component.INBOX);
        pong.link(pong, Component.OUTBOX, ping, Component.INBOX);
        ping.activate(s);
        pong.activate(s);
        s.run();
        return ping.made;
    }

    static long kamaeliaAcross(long trips) throws InterruptedException {
        Scheduler left = Scheduler.create(1);
        Scheduler right = Scheduler.create(1);
        Pinger ping = new Pinger(trips);
        Ponger pong = new Ponger();
        ping.link(ping, Component.OUTBOX, pong, Component.INBOX);
        pong.link(pong, Component.OUTBOX, ping, Component.INBOX);
        ping.activate(left);
        pong.activate(right);
        Thread other = Thread.ofPlatform().start(right::run);
        left.run();
        other.join();
        return ping.made;
    }

    static long spin(long trips) throws InterruptedException {
        Spin spin = new Spin();
        Thread pong = Thread.ofPlatform().start(() -> {
            for (long i = 1; i <= trips; i++) {
                while (spin.ping != i) {
                    Thread.onSpinWait();
                }
                spin.pong = i;
            }
        });
        long made = 0;
        for (long i = 1; i <= trips; i++) {
            spin.ping = i;
            while (spin.pong != i) {
                Thread.onSpinWait();
            }
            made++;
        }
        pong.join();
        return made;
    }

    /** The two words of the spin ping-pong. */
    private static final class Spin {
        volatile long ping;
        volatile long pong;
    }

    static long threads(long trips, ThreadFactory factory) throws InterruptedException {
        BlockingQueue<Object> there = new SynchronousQueue<>();
        BlockingQueue<Object> back = new SynchronousQueue<>();
        long[] made = new long[1];
        Peers.startAndJoin(factory, List.of(
                Peers.Blocking.quietly(() -> {
                    for (long i = 0; i < trips; i++) {
                        there.put(BALL);
                        back.take();
                        made[0]++;
                    }
                    there.put(STOP);
                }),
                Peers.Blocking.quietly(() -> {
                    for (Object m; (m = there.take()) != STOP; ) {
                        back.put(m);
                    }
                })));
        return made[0];
    }

    static long jcsp(long trips) {
        One2OneChannel<Object> there = Channel.one2one();
        One2OneChannel<Object> back = Channel.one2one();
        long[] made = new long[1];
        CSProcess ping = () -> {
            for (long i = 0; i < trips; i++) {
                there.out().write(BALL);
                back.in().read();
                made[0]++;
            }
            there.out().write(STOP);
        };
        CSProcess pong = () -> {
            for (Object m; (m = there.in().read()) != STOP; ) {
                back.out().write(m);
            }
        };
        new Parallel(new CSProcess[] {ping, pong}).run();
        return made[0];
    }

    static long pekko(long trips) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        long[] made = new long[1];
        ActorRef pong = Peers.pekko().actorOf(Props.create(PekkoPonger.class, PekkoPonger::new));
        ActorRef ping = Peers.pekko().actorOf(
                Props.create(PekkoPinger.class, () -> new PekkoPinger(trips, done, made)));
        ping.tell(pong, ActorRef.noSender());
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the Pekko ping-pong did not finish in 10 minutes");
        }
        Peers.pekko().stop(ping);
        Peers.pekko().stop(pong);
        return made[0];
    }

    /** Serves {@code trips} round trips, then sends STOP and finishes. */
    private static final class Pinger extends Component {
        private final long trips;
        private boolean started;
        long made;

        Pinger(long trips) {
            this.trips = trips;
        }

        @Override
        protected Step main() {
            if (!started) {
                started = true;
                send(BALL);
            }
            while (dataReady()) {
                recv();
                if (++made == trips) {
                    send(STOP);
                    return Step.DONE;
                }
                send(BALL);
            }
            return Step.PAUSE;
        }
    }

    /** Returns whatever arrives until STOP. */
    private static final class Ponger extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                Object m = recv();
                if (m == STOP) {
                    return Step.DONE;
                }
                send(m);
            }
            return Step.PAUSE;
        }
    }

    /** Told its partner, serves the round trips, counting them in {@code made[0]}, and opens the latch. */
    static final class PekkoPinger extends AbstractActor {
        private final long trips;
        private final CountDownLatch done;
        private final long[] made;
        private ActorRef pong;

        PekkoPinger(long trips, CountDownLatch done, long[] made) {
            this.trips = trips;
            this.done = done;
            this.made = made;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(ActorRef.class, p -> {
                        pong = p;
                        pong.tell(BALL, getSelf());
                    })
                    .matchAny(m -> {
                        if (++made[0] == trips) {
                            done.countDown();
                        } else {
                            pong.tell(BALL, getSelf());
                        }
                    })
                    .build();
        }
    }

    /** Returns every message to its sender. */
    static final class PekkoPonger extends AbstractActor {
        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> getSender().tell(m, getSelf())).build();
        }
    }
}
