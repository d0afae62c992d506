package org.kamaelia4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

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
 * A ring of nodes passing tokens to their neighbour, run on Kamaelia4J and on each baseline: the
 * machinery behind {@link RingHops} (1,000 nodes, one token) and {@link RingTokens} (64 nodes, many
 * tokens, PyCSP's benchmark).
 *
 * <pre>{@code
 * Ring ring = new Ring(1_000, 1, 1_000_000);     // nodes, tokens, hops in all
 * double nanos = ring.onKamaelia(1);           // elapsed, checked: every hop happened once
 * }</pre>
 *
 * <p>Every implementation runs the same {@link Node} logic: a node that holds a token passes it
 * on, which is one hop; a token that has made its share of the hops retires where it is. The
 * node that retires the last token stops the clock and sends a {@link Poison} round the ring;
 * each node passes it on (except to the node it started from) and ends. The tokens are mutable
 * objects handed from node to node, so no contender allocates per hop. Threads and processes
 * wait for a common start signal, so that thread creation is not timed; actors start when told.
 * A ring object runs once.
 */
final class Ring {

    private final int nodes;
    private final int tokens;
    private final long hopsPerToken;
    private final AtomicInteger retired = new AtomicInteger();
    private final AtomicLong hops = new AtomicLong();
    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);
    private final CountDownLatch ended;
    private final CountDownLatch lastRetired = new CountDownLatch(1);
    private volatile long start;
    private volatile long end;

    /**
     * A ring of {@code nodes} with {@code tokens} spread evenly round it, making about
     * {@code totalHops} hops in all (at least one per token).
     */
    Ring(int nodes, int tokens, long totalHops) {
        if (tokens < 1 || tokens >= nodes) {
            throw new IllegalArgumentException("a ring of " + nodes + " nodes carries 1.." + (nodes - 1)
                    + " tokens, not " + tokens);
        }
        this.nodes = nodes;
        this.tokens = tokens;
        this.hopsPerToken = Math.max(1, totalHops / tokens);
        this.ready = new CountDownLatch(nodes);
        this.ended = new CountDownLatch(nodes);
    }

    /**
     * Every contender on a ring of {@code nodes} with {@code tokens}, in the given group. The
     * thread-per-node baselines are slower by orders of magnitude, so they make a fraction of the
     * hops (said in their names); the figure is per hop either way.
     */
    static List<Contender> contenders(int nodes, int tokens, String group, Workload.Unit unit) {
        ThreadFactory virtual = Thread.ofVirtual().factory();
        return List.of(
                contender("Kamaelia4J, 1 worker", true, nodes, tokens, group, unit, 1, r -> r.onKamaelia(1)),
                contender("Kamaelia4J, 2 workers", false, nodes, tokens, group, unit, 1, r -> r.onKamaelia(2)),
                contender("virtual threads + SynchronousQueue", false, nodes, tokens, group, unit, 5,
                        r -> r.onThreads(virtual, i -> new SynchronousQueue<>())),
                contender("virtual threads + ArrayBlockingQueue(1024)", false, nodes, tokens, group, unit, 5,
                        r -> r.onThreads(virtual, i -> new ArrayBlockingQueue<>(1024))),
                contender("platform threads + ArrayBlockingQueue(1024)", false, nodes, tokens, group, unit, 50,
                        r -> r.onThreads(Thread.ofPlatform().factory(), i -> new ArrayBlockingQueue<>(1024))),
                contender("Pekko actors, one-thread dispatcher", false, nodes, tokens, group, unit, 5,
                        r -> r.onPekko(Peers.ONE_THREAD)),
                contender("Pekko actors, default dispatcher", false, nodes, tokens, group, unit, 5,
                        r -> r.onPekko(null)),
                contender("JCSP One2OneChannel processes", false, nodes, tokens, group, unit, 100, Ring::onJcsp));
    }

    private static Contender contender(String name, boolean ours, int nodes, int tokens, String group,
            Workload.Unit unit, int fraction, Implementation impl) {
        String label = fraction == 1 ? name : name + " (1/" + fraction + " of the hops)";
        return new Contender(label, ours, size -> {
            Ring ring = new Ring(nodes, tokens, size / fraction);
            double nanos = impl.run(ring);
            return unit == Workload.Unit.NS_PER_OP ? nanos / ring.totalHops() : ring.totalHops() * 1e3 / nanos;
        }, group);
    }

    /** One way of running a ring; returns the elapsed nanoseconds. */
    @FunctionalInterface
    interface Implementation {
        double run(Ring ring) throws Exception;
    }

    /** The hops a run makes. */
    long totalHops() {
        return hopsPerToken * tokens;
    }

    // ---- the implementations; each returns the elapsed nanoseconds, checked ----

    /** Nodes are components linked outbox to inbox, on a scheduler with {@code workers} workers. */
    double onKamaelia(int workers) {
        Scheduler s = Scheduler.create(workers);
        List<KamaeliaNode> ring = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            ring.add(new KamaeliaNode(new Node(this, i)));
        }
        for (int i = 0; i < nodes; i++) {
            KamaeliaNode from = ring.get(i);
            from.link(from, Component.OUTBOX, ring.get(next(i)), Component.INBOX);
            from.activate(s);
        }
        start = System.nanoTime();
        s.run();
        return checked();
    }

    /** Nodes are threads from {@code threads} joined by the queues {@code queues} makes. */
    double onThreads(ThreadFactory threads, IntFunction<BlockingQueue<Object>> queues) throws InterruptedException {
        List<BlockingQueue<Object>> q = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            q.add(queues.apply(i));
        }
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Node node = new Node(this, i);
            BlockingQueue<Object> in = q.get(i);
            BlockingQueue<Object> out = q.get(next(i));
            tasks.add(Peers.Blocking.quietly(() -> {
                awaitGo();
                Object first = node.start();
                if (first != null) {
                    out.put(first);
                }
                while (!node.over) {
                    Object m = node.handle(in.take());
                    if (m != null) {
                        out.put(m);
                    }
                }
            }));
        }
        Thread starter = Thread.ofPlatform().start(Peers.Blocking.quietly(() -> Peers.startAndJoin(threads, tasks)));
        go();
        starter.join();
        return checked();
    }

    /** Nodes are JCSP processes joined by {@code One2OneChannel}s, run in a {@code Parallel}. */
    double onJcsp() throws InterruptedException {
        List<One2OneChannel<Object>> channels = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            channels.add(Channel.one2one());
        }
        CSProcess[] processes = new CSProcess[nodes];
        for (int i = 0; i < nodes; i++) {
            Node node = new Node(this, i);
            One2OneChannel<Object> in = channels.get(i);
            One2OneChannel<Object> out = channels.get(next(i));
            processes[i] = () -> {
                Peers.Blocking.quietly(this::awaitGo).run();
                Object first = node.start();
                if (first != null) {
                    out.out().write(first);
                }
                while (!node.over) {
                    Object m = node.handle(in.in().read());
                    if (m != null) {
                        out.out().write(m);
                    }
                }
            };
        }
        Thread starter = Thread.ofPlatform().start(() -> new Parallel(processes).run());
        go();
        starter.join();
        return checked();
    }

    /** Nodes are Pekko actors, on {@code dispatcher} (null: Pekko's default). */
    double onPekko(String dispatcher) throws InterruptedException {
        List<ActorRef> ring = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Node node = new Node(this, i);
            Props props = Props.create(PekkoNode.class, () -> new PekkoNode(node));
            ring.add(Peers.pekko().actorOf(dispatcher == null ? props : props.withDispatcher(dispatcher)));
        }
        for (int i = 0; i < nodes; i++) {
            ring.get(i).tell(ring.get(next(i)), ActorRef.noSender());
        }
        start = System.nanoTime();
        for (ActorRef node : ring) {
            node.tell(PekkoNode.START, ActorRef.noSender());
        }
        if (!ended.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the Pekko ring did not finish in 10 minutes");
        }
        return checked();
    }

    // ---- shared by the implementations ----

    private int next(int i) {
        return i + 1 == nodes ? 0 : i + 1;
    }

    /** A token starts at every (nodes / tokens)-th node. */
    private Token initialTokenAt(int i) {
        long stride = nodes / tokens;
        return i % stride == 0 && i / stride < tokens ? new Token(hopsPerToken) : null;
    }

    private void awaitGo() throws InterruptedException {
        ready.countDown();
        go.await();
    }

    private void go() throws InterruptedException {
        ready.await();
        start = System.nanoTime();
        go.countDown();
    }

    /** Counts a retired token's hops; true when it was the last token, which stops the clock. */
    private boolean retire(Token t) {
        hops.addAndGet(t.hops);
        if (retired.incrementAndGet() == tokens) {
            end = System.nanoTime();
            lastRetired.countDown();
            return true;
        }
        return false;
    }

    private double checked() {
        if (lastRetired.getCount() != 0 || retired.get() != tokens || hops.get() != totalHops()) {
            throw new IllegalStateException("the ring of " + nodes + " retired " + retired.get() + " of " + tokens
                    + " tokens after " + hops.get() + " of " + totalHops() + " hops");
        }
        return end - start;
    }

    /** A token: the hops it has left to make, and those it made. */
    private static final class Token {
        long left;
        long hops;

        Token(long left) {
            this.left = left;
        }
    }

    /** Sent round the ring by the node that retired the last token; {@code origin} is that node. */
    private record Poison(int origin) {
    }

    /** What every node of every implementation does with a message; used by one thread at a time. */
    static final class Node {
        private final Ring ring;
        private final int index;
        boolean over;

        Node(Ring ring, int index) {
            this.ring = ring;
            this.index = index;
        }

        /** The message to pass on first, or null: the token this node starts with, one hop on. */
        Object start() {
            Token t = ring.initialTokenAt(index);
            return t == null ? null : handle(t);
        }

        /** Handles a message; returns what to pass on, or null. Sets {@link #over} when the node ends. */
        Object handle(Object m) {
            if (m instanceof Poison p) {
                end();
                return ring.next(index) == p.origin() ? null : p;
            }
            Token t = (Token) m;
            if (t.left > 0) {
                t.left--;
                t.hops++;
                return t;
            }
            if (ring.retire(t)) {
                end();
                return ring.next(index) == index ? null : new Poison(index);
            }
            return null;
        }

        private void end() {
            over = true;
            ring.ended.countDown();
        }
    }

    /** A node as a component. */
    private static final class KamaeliaNode extends Component {
        private final Node node;
        private boolean started;

        KamaeliaNode(Node node) {
            this.node = node;
        }

        @Override
        protected Step main() {
            if (!started) {
                started = true;
                Object first = node.start();
                if (first != null) {
                    send(first);
                }
            }
            while (dataReady()) {
                Object m = node.handle(recv());
                if (m != null) {
                    send(m);
                }
                if (node.over) {
                    return Step.DONE;
                }
            }
            return Step.PAUSE;
        }
    }

    /** A node as an actor: told its neighbour, then told to start. */
    static final class PekkoNode extends AbstractActor {
        static final Object START = "start";
        private final Node node;
        private ActorRef next;

        PekkoNode(Node node) {
            this.node = node;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(ActorRef.class, n -> next = n)
                    .matchEquals(START, s -> pass(node.start()))
                    .matchAny(m -> {
                        pass(node.handle(m));
                        if (node.over) {
                            getContext().stop(getSelf());
                        }
                    })
                    .build();
        }

        private void pass(Object m) {
            if (m != null) {
                next.tell(m, getSelf());
            }
        }
    }
}
