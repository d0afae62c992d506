package org.kamaelia4j.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Linearizability under load: threads move money between accounts at random while other threads
 * read all the accounts. Money is never created or lost, every transfer that reported success is in
 * the final balances exactly once, and no reader ever sees a transfer half done. Bounded to about a
 * second and a half.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BankStressTest {

    private static final int ACCOUNTS = 8;
    private static final long INITIAL = 1_000;
    private static final long TOTAL = ACCOUNTS * INITIAL;
    private static final long RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(1_500);
    private static final int MAX_TRANSFERS_PER_WRITER = 200_000;

    private final Store store = new Store();
    private final String[] accounts = IntStream.range(0, ACCOUNTS).mapToObj(i -> "account." + i).toArray(String[]::new);
    private final AtomicBoolean writersDone = new AtomicBoolean();
    private final AtomicReference<String> firstViolation = new AtomicReference<>();

    /** What one writer did: per account, how often a commit of ours touched it and the net amount. */
    private static final class Ledger {
        final long[] commits = new long[ACCOUNTS];
        final long[] net = new long[ACCOUNTS];
        long moved;
    }

    @Test
    void transfersAreAtomicAndReadersNeverSeeATornState() throws Exception {
        Changeset open = store.using(accounts);
        for (String account : accounts) {
            open.set(account, INITIAL);
        }
        open.commit();

        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            long deadline = System.nanoTime() + RUN_NANOS;
            List<CompletableFuture<Ledger>> writers = List.of(
                    CompletableFuture.supplyAsync(() -> write(deadline, this::transferAtomically), pool),
                    CompletableFuture.supplyAsync(() -> write(deadline, this::transferAtomically), pool),
                    CompletableFuture.supplyAsync(() -> write(deadline, this::transferTheAxonWay), pool));
            List<CompletableFuture<Long>> readers = List.of(
                    CompletableFuture.supplyAsync(() -> read(this::readWithUsing), pool),
                    CompletableFuture.supplyAsync(() -> read(store::snapshot), pool));

            List<Ledger> ledgers = new ArrayList<>();
            for (CompletableFuture<Ledger> w : writers) {
                ledgers.add(w.get());
            }
            writersDone.set(true);
            for (CompletableFuture<Long> r : readers) {
                assertTrue(r.get() > 0, "every reader got consistent reads through");
            }
            assertNull(firstViolation.get());
            checkFinalState(ledgers);
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Transfer {
        /** Moves up to {@code amount} if {@code from} can afford it; returns what was moved. */
        long move(String from, String to, long amount);
    }

    private Ledger write(long deadline, Transfer transfer) {
        Ledger ledger = new Ledger();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int n = 0; n < MAX_TRANSFERS_PER_WRITER && System.nanoTime() < deadline; n++) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            long moved = transfer.move(accounts[from], accounts[to], 1 + random.nextInt(100));
            ledger.commits[from]++;
            ledger.commits[to]++;
            ledger.net[from] -= moved;
            ledger.net[to] += moved;
            ledger.moved += moved;
        }
        return ledger;
    }

    private long transferAtomically(String from, String to, long amount) {
        return store.atomically(c -> move(c, from, to, amount), from, to);
    }

    /** The loop Axon's docstring asks for: on a conflict, take a fresh copy and redo the work. */
    private long transferTheAxonWay(String from, String to, long amount) {
        while (true) {
            Changeset c = store.using(from, to);
            long moved = move(c, from, to, amount);
            try {
                c.commit();
                return moved;
            } catch (ConcurrentUpdateException conflict) {
                Thread.yield();
            }
        }
    }

    private static long move(Changeset c, String from, String to, long amount) {
        long available = c.get(from);
        long moved = Math.min(available, amount);
        c.set(from, available - moved);
        c.set(to, c.<Long>get(to) + moved);
        return moved;
    }

    private long read(Supplier<? extends Map<String, Versioned>> reader) {
        long[] lastVersions = new long[ACCOUNTS];
        long reads = 0;
        while (!writersDone.get() || reads == 0) {
            check(reader.get(), lastVersions);
            reads++;
        }
        return reads;
    }

    private Map<String, Versioned> readWithUsing() {
        Changeset c = store.using(accounts);
        Map<String, Versioned> seen = new HashMap<>();
        for (String account : accounts) {
            seen.put(account, new Versioned(c.version(account), c.get(account)));
        }
        return seen;
    }

    /**
     * A consistent state has the full total, and an even number of version steps since opening
     * (every transfer moves two accounts on by one); versions never go back for one reader.
     */
    private void check(Map<String, Versioned> seen, long[] lastVersions) {
        long total = 0;
        long versionSteps = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            Versioned v = seen.get(accounts[i]);
            total += (Long) v.value();
            versionSteps += v.version() - 1;
            if (v.version() < lastVersions[i]) {
                violation(accounts[i] + " went back from version " + lastVersions[i] + " to " + v.version());
            }
            lastVersions[i] = v.version();
        }
        if (total != TOTAL || versionSteps % 2 != 0) {
            violation("torn read: total " + total + ", version steps " + versionSteps + " in " + seen);
        }
    }

    private void violation(String what) {
        firstViolation.compareAndSet(null, what);
    }

    private void checkFinalState(Collection<Ledger> ledgers) {
        Map<String, Versioned> end = store.snapshot();
        long moved = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            long commits = 0;
            long net = 0;
            for (Ledger ledger : ledgers) {
                commits += ledger.commits[i];
                net += ledger.net[i];
            }
            assertEquals(new Versioned(1 + commits, INITIAL + net), end.get(accounts[i]),
                    accounts[i] + ": each successful transfer applied exactly once");
        }
        for (Ledger ledger : ledgers) {
            moved += ledger.moved;
        }
        assertTrue(moved > 0, "some money moved");
    }
}
