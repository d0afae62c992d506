package org.kamaelia4j.benchmarks;

/** The sanity check every STM workload makes after a run: no transaction was lost (internal). */
final class StmChecks {

    private StmChecks() {
    }

    /** Fails the run if the accounts do not add up to {@code expected}. */
    static void expectTotal(Accounts accounts, long expected) {
        long total = accounts.total();
        if (total != expected) {
            throw new IllegalStateException(accounts.getClass().getSimpleName() + " lost transactions: total "
                    + total + ", expected " + expected);
        }
    }
}
