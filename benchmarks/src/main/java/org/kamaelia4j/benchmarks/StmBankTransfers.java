package org.kamaelia4j.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Contended bank transfers: {@value #THREADS} threads move 1 between two random accounts of
 * {@value #ACCOUNTS}, each transfer one two-key transaction; million transfers per second. The
 * total is checked afterwards (it must still be 0), so a store that loses updates fails the run.
 */
final class StmBankTransfers implements Workload {

    static final int THREADS = 2;
    static final int ACCOUNTS = 8;

    @Override
    public String name() {
        return "stm-bank-transfers";
    }

    @Override
    public String title() {
        return "STM: " + THREADS + " threads, random transfers between " + ACCOUNTS
                + " accounts (two-key transactions), million transfers/s";
    }

    @Override
    public Unit unit() {
        return Unit.MILLION_PER_SECOND;
    }

    @Override
    public String target() {
        return ">= ScalaSTM's throughput";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 500_000 : 2_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J Store (atomically)", true, n -> rate(Accounts.KAMAELIA, n)),
                new Contender("synchronized map store", false, n -> rate(Accounts.SYNCHRONIZED, n)),
                new Contender("ScalaSTM 0.11.1 (atomic)", false, n -> rate(Accounts.SCALA_STM, n)));
    }

    /** {@code n} transfers per thread; million transfers per second. */
    private static double rate(IntFunction<Accounts> kind, long n) throws InterruptedException {
        Accounts accounts = kind.apply(ACCOUNTS);
        SplittableRandom[] randoms = new SplittableRandom[THREADS];
        for (int t = 0; t < THREADS; t++) {
            randoms[t] = new SplittableRandom(t);
        }
        long nanos = Parallel.time(THREADS, n, (thread, i) -> {
            SplittableRandom random = randoms[thread];
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            accounts.transfer(from, to, 1);
        });
        StmChecks.expectTotal(accounts, 0);
        return THREADS * n * 1e3 / nanos;
    }
}
