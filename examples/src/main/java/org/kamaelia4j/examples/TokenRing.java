package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Scheduler;

/**
 * {@code ./k4j example token-ring}: the PyCSP paper's micro-benchmarks: one token around rings of
 * 10 to 1,000,000 components, then 1 to 63 tokens at once in a ring of 64; nanoseconds per hop.
 *
 * <pre>
 * ./k4j example token-ring
 * ./k4j example token-ring --sizes 10/1000/100000 --tokens 1/8/63 --hops 2_000_000 --workers 2
 * </pre>
 *
 * <h2>What it measures</h2>
 * A hop is one component receiving a token and sending it to the next: a send, a wake-up and a
 * time slice. Each run passes tokens for {@code --hops} hops in all (at least once round the
 * ring), split evenly between the tokens, and divides the wall time by the hops. The timed part
 * starts once every node has run its first slice and ends when the last token stops, so building
 * a ring of a million components is not counted. PyCSP on threads could not build the larger
 * rings at all (it stopped at about 381 threads); its greenlets managed about 20 µs per
 * channel communication.
 *
 * <h2>How it runs</h2>
 * {@link RingNode}s are linked {@code outbox -> inbox} and {@code signal -> control} in a circle
 * by ordinary code before activation, and run on one scheduler ({@code --workers}, default 1).
 * Tokens are seeded at evenly spaced nodes.
 */
public final class TokenRing {

    private static final Set<String> OPTIONS = Set.of("sizes", "tokens", "hops", "workers");
    private static final int TOKEN_RING_SIZE = 64;
    private static final long WARM_UP_HOPS = 200_000;

    private TokenRing() {
    }

    /**
     * One timed run: counts the nodes that have started and the tokens still moving, and when the
     * last node starts, wakes the nodes holding seeded tokens.
     */
    static final class Run {

        private final AtomicInteger unstarted;
        private final AtomicInteger tokensLeft;
        private final List<RingNode> seededNodes = new CopyOnWriteArrayList<>();
        private volatile boolean going;
        private volatile long startNanos;
        private volatile long endNanos;

        Run(int nodes, int tokens) {
            this.unstarted = new AtomicInteger(nodes);
            this.tokensLeft = new AtomicInteger(tokens);
        }

        void seededAt(RingNode node) {
            seededNodes.add(node);
        }

        void nodeStarted() {
            if (unstarted.decrementAndGet() == 0) {
                startNanos = System.nanoTime();
                going = true;
                seededNodes.forEach(RingNode::unpause);
            }
        }

        boolean going() {
            return going;
        }

        /** A token has stopped; true for the last one. */
        boolean tokenDone() {
            if (tokensLeft.decrementAndGet() == 0) {
                endNanos = System.nanoTime();
                return true;
            }
            return false;
        }

        long nanos() {
            return endNanos - startNanos;
        }
    }

    /** The measured time of {@code tokens} tokens making {@code hops} hops in all round a ring of {@code size}. */
    static long time(int size, int tokens, long hops, int workers) {
        if (tokens > size) {
            throw new IllegalArgumentException("token-ring: " + tokens + " tokens do not fit a ring of " + size);
        }
        Run run = new Run(size, tokens);
        RingNode[] nodes = new RingNode[size];
        for (int i = 0; i < size; i++) {
            nodes[i] = new RingNode(run);
        }
        for (int i = 0; i < size; i++) {
            RingNode next = nodes[(i + 1) % size];
            nodes[i].link(nodes[i], Component.OUTBOX, next, Component.INBOX);
            nodes[i].link(nodes[i], Component.SIGNAL, next, Component.CONTROL);
        }
        for (int t = 0; t < tokens; t++) {
            nodes[(int) ((long) t * size / tokens)].seed(new RingNode.Token(hops / tokens));
        }
        Scheduler scheduler = Scheduler.create(workers);
        for (RingNode node : nodes) {
            node.activate(scheduler);
        }
        scheduler.run();
        return run.nanos();
    }

    /** Runs both tables, printing to {@code out}; see the class comment for {@code args}. */
    public static void run(PrintStream out, String... args) {
        Options options = Options.parse("token-ring", args, OPTIONS, Set.of());
        int[] sizes = options.integers("sizes", 10, 100, 1_000, 10_000, 100_000, 1_000_000);
        int[] tokenCounts = options.integers("tokens", 1, 2, 4, 8, 16, 32, 63);
        long hops = options.number("hops", 1_000_000);
        int workers = options.integer("workers", 1);
        out.printf("token ring on %d worker(s), %,d hops per run%n%n", workers, hops);
        time(TOKEN_RING_SIZE, 1, WARM_UP_HOPS, workers);            // let the JIT compile the hop first
        out.println("one token in a ring of N components");
        out.printf("%12s %14s %12s%n", "components", "hops", "ns per hop");
        for (int size : sizes) {
            long h = Math.max(hops, size);
            out.printf("%,12d %,14d %12.1f%n", size, h, (double) time(size, 1, h, workers) / h);
        }
        out.println();
        out.println("K tokens at once in a ring of " + TOKEN_RING_SIZE + " components");
        out.printf("%12s %14s %12s%n", "tokens", "hops", "ns per hop");
        for (int tokens : tokenCounts) {
            long h = hops / tokens * tokens;
            out.printf("%12d %,14d %12.1f%n", tokens, h, (double) time(TOKEN_RING_SIZE, tokens, h, workers) / h);
        }
        out.println();
        out.println("PyCSP (paper): threads stopped at about 381 processes; greenlets about 20 us per communication");
    }

    /** {@code ./k4j example token-ring [--sizes A/B/..] [--tokens A/B/..] [--hops N] [--workers N]}. */
    public static void main(String[] args) {
        run(System.out, args);
    }
}
