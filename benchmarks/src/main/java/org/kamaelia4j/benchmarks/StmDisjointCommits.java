package org.kamaelia4j.benchmarks;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Single-key transactions on disjoint keys (each thread its own account), on 2 threads and on 1,
 * in million commits per second. The "Kamaelia4J vs this" figure against "Kamaelia4J, 1 thread"
 * is the store's scaling from one thread to two; the baselines' scaling reads off their two rows.
 */
final class StmDisjointCommits implements Workload {

    @Override
    public String name() {
        return "stm-disjoint-commits";
    }

    @Override
    public String title() {
        return "STM: single-key commits on disjoint keys, 2 threads and 1 thread, million commits/s";
    }

    @Override
    public Unit unit() {
        return Unit.MILLION_PER_SECOND;
    }

    @Override
    public String target() {
        return ">= 1.8x from 1 to 2 threads (the row 'Kamaelia4J, 1 thread')";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 1_000_000 : 5_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J Store, 2 threads", true, n -> rate(Accounts.KAMAELIA, 2, n)),
                new Contender("Kamaelia4J Store, 1 thread", false, n -> rate(Accounts.KAMAELIA, 1, n)),
                new Contender("synchronized map store, 2 threads", false, n -> rate(Accounts.SYNCHRONIZED, 2, n)),
                new Contender("synchronized map store, 1 thread", false, n -> rate(Accounts.SYNCHRONIZED, 1, n)),
                new Contender("ScalaSTM 0.11.1, 2 threads", false, n -> rate(Accounts.SCALA_STM, 2, n)),
                new Contender("ScalaSTM 0.11.1, 1 thread", false, n -> rate(Accounts.SCALA_STM, 1, n)));
    }

    /** Each of {@code threads} threads commits its own key {@code n} times; million commits per second. */
    private static double rate(IntFunction<Accounts> kind, int threads, long n) throws InterruptedException {
        Accounts accounts = kind.apply(threads);
        long nanos = Parallel.time(threads, n, (thread, i) -> accounts.increment(thread));
        StmChecks.expectTotal(accounts, threads * n);
        return threads * n * 1e3 / nanos;
    }
}
