package org.kamaelia4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;

/**
 * CPU-bound work spread over 8 independent components: milliseconds for the job on two workers
 * and on one, so that the "Kamaelia4J vs this" column of the one-worker row is the speedup.
 *
 * <p>Each component runs a chain of dependent multiply-xor steps (a linear congruential
 * generator folded into an accumulator), 10,000 steps per slice, {@code size / 8} in all; every
 * component must arrive at the value a plain loop computes. Baselines: the same eight loops on
 * eight virtual threads (two carriers on this machine) and on eight platform threads.
 */
final class ParallelSpeedup implements Workload {

    static final int PARTS = 8;
    private static final int STEPS_PER_SLICE = 10_000;
    private static final long SEED = 0x9E3779B97F4A7C15L;

    @Override
    public String name() {
        return "parallel-speedup";
    }

    @Override
    public String title() {
        return "CPU-bound work in 8 components, 2 workers vs 1: ms for the job (the 1-worker row gives the speedup)";
    }

    @Override
    public Unit unit() {
        return Unit.MILLISECONDS;
    }

    @Override
    public String target() {
        return "speedup >= 1.8x from 1 to 2 workers";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 200_000_000 : 1_000_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J, 2 workers", true, n -> kamaelia(n, 2)),
                new Contender("Kamaelia4J, 1 worker", false, n -> kamaelia(n, 1)),
                new Contender("8 virtual threads", false, n -> threads(n, Thread.ofVirtual().factory())),
                new Contender("8 platform threads", false, n -> threads(n, Thread.ofPlatform().factory())));
    }

    /** The value a part of {@code steps} steps must arrive at. */
    static long expected(long steps) {
        long x = SEED;
        long acc = 0;
        for (long i = 0; i < steps; i++) {
            x = next(x);
            acc = fold(acc, x);
        }
        return acc;
    }

    /** One step of the generator. */
    private static long next(long x) {
        return x * 6364136223846793005L + 1442695040888963407L;
    }

    /** Folds a generated value into the accumulator. */
    private static long fold(long acc, long x) {
        return acc ^ x >>> 17;
    }

    static double kamaelia(long steps, int workers) {
        Scheduler s = Scheduler.create(workers);
        List<Cruncher> parts = new ArrayList<>();
        for (int i = 0; i < PARTS; i++) {
            Cruncher c = new Cruncher(steps / PARTS);
            parts.add(c);
            c.activate(s);
        }
        long start = System.nanoTime();
        s.run();
        double millis = (System.nanoTime() - start) / 1e6;
        check(steps, parts.stream().mapToLong(c -> c.acc).toArray());
        return millis;
    }

    static double threads(long steps, ThreadFactory factory) throws InterruptedException {
        long[] results = new long[PARTS];
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < PARTS; i++) {
            int part = i;
            tasks.add(() -> results[part] = expected(steps / PARTS));
        }
        long start = System.nanoTime();
        Peers.startAndJoin(factory, tasks);
        double millis = (System.nanoTime() - start) / 1e6;
        check(steps, results);
        return millis;
    }

    private static void check(long steps, long[] results) {
        long want = expected(steps / PARTS);
        for (int i = 0; i < results.length; i++) {
            if (results[i] != want) {
                throw new IllegalStateException("part " + i + " computed " + results[i] + ", not " + want);
            }
        }
    }

    /** Runs its share of the steps, a slice at a time. */
    private static final class Cruncher extends Component {
        private long left;
        private long x = SEED;
        long acc;

        Cruncher(long steps) {
            this.left = steps;
        }

        @Override
        protected Step main() {
            long n = Math.min(left, STEPS_PER_SLICE);
            long xs = x;
            long a = acc;
            for (long i = 0; i < n; i++) {
                xs = next(xs);
                a = fold(a, xs);
            }
            x = xs;
            acc = a;
            left -= n;
            return left > 0 ? Step.CONTINUE : Step.DONE;
        }
    }
}
