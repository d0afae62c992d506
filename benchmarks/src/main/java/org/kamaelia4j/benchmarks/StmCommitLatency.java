package org.kamaelia4j.benchmarks;

import java.util.List;
import java.util.function.IntFunction;

/**
 * One uncontended single-key transaction (read a copy, change it, commit) on one thread, in
 * nanoseconds: Kamaelia4J's {@code usevar}/{@code set}/{@code commit} against a
 * {@code synchronized} map store and ScalaSTM's {@code atomic}.
 */
final class StmCommitLatency implements Workload {

    @Override
    public String name() {
        return "stm-commit-latency";
    }

    @Override
    public String title() {
        return "STM: uncontended single-key read-modify-commit on one thread, ns per transaction";
    }

    @Override
    public Unit unit() {
        return Unit.NS_PER_OP;
    }

    @Override
    public String target() {
        return "<= 150 ns per commit";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 1_000_000 : 5_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J Store (usevar, set, commit)", true, n -> time(Accounts.KAMAELIA, n)),
                new Contender("synchronized map store", false, n -> time(Accounts.SYNCHRONIZED, n)),
                new Contender("ScalaSTM 0.11.1 (atomic)", false, n -> time(Accounts.SCALA_STM, n)));
    }

    private static double time(IntFunction<Accounts> kind, long n) throws InterruptedException {
        Accounts accounts = kind.apply(1);
        long nanos = Parallel.time(1, n, (thread, i) -> accounts.increment(0));
        StmChecks.expectTotal(accounts, n);
        return (double) nanos / n;
    }
}
