package org.kamaelia4j.examples;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.kamaelia4j.stm.Changeset;
import org.kamaelia4j.stm.ConcurrentUpdateException;
import org.kamaelia4j.stm.Store;
import org.kamaelia4j.stm.Value;

/**
 * What the philosophers share: the forks in an STM {@link Store}, the rule for when dinner is over,
 * and an independent audit of fork use that the example reports.
 *
 * <p>Fork {@code i} (1..n) is the store key {@code fork.i}; its value is the name of the
 * philosopher holding it, or null when it lies on the table. Philosopher {@code i} uses forks
 * {@code i} and {@code i % n + 1}. The key {@code table.satisfied} counts the philosophers who
 * have eaten at least {@code meals} times; once it reaches {@code n}, dinner is over and every
 * philosopher leaves at the next moment it holds no fork.
 *
 * <p>The audit does not trust the store: a philosopher who starts eating raises a per-fork counter
 * for each of its forks and lowers it when done, so a fork held by two philosophers at once shows
 * up as a count of 2, whatever the store says. Safe to share between scheduler workers.
 */
final class DiningTable {

    private static final String SATISFIED = "table.satisfied";

    private final Store store = new Store();
    private final int philosophers;
    private final int meals;
    private final AtomicIntegerArray forkUsers;
    private final AtomicReference<String> firstViolation = new AtomicReference<>();

    /**
     * @param philosophers how many sit at the table, at least 2 (one philosopher would need one fork twice)
     * @param meals        dinner ends once every philosopher has eaten at least this often, at least 1
     */
    DiningTable(int philosophers, int meals) {
        if (philosophers < 2) {
            throw new IllegalArgumentException("dining philosophers need at least 2 philosophers, not " + philosophers);
        }
        if (meals < 1) {
            throw new IllegalArgumentException("each philosopher must eat at least 1 meal, not " + meals);
        }
        this.philosophers = philosophers;
        this.meals = meals;
        this.forkUsers = new AtomicIntegerArray(philosophers + 1);
    }

    Store store() {
        return store;
    }

    int philosophers() {
        return philosophers;
    }

    int meals() {
        return meals;
    }

    /** The two fork keys of philosopher {@code seat} (1..n). */
    String[] forksOf(int seat) {
        return new String[] {fork(seat), fork(seat % philosophers + 1)};
    }

    static String fork(int i) {
        return "fork." + i;
    }

    /** True once every philosopher has eaten enough. */
    boolean dinnerIsOver() {
        Integer satisfied = store.<Integer>usevar(SATISFIED).get();
        return satisfied != null && satisfied == philosophers;
    }

    /** Counts one more philosopher who has eaten enough, as one atomic commit. */
    void satisfied() {
        store.atomically(c -> {
            Integer before = c.get(SATISFIED);
            c.set(SATISFIED, before == null ? 1 : before + 1);
            return null;
        }, SATISFIED);
    }

    /**
     * Axon's {@code getforks}, one attempt: both forks in one commit if both lie on the table.
     *
     * @return the changeset now holding both forks, or null if a fork was taken (try again later)
     */
    Changeset tryToTakeForks(String name, String[] forks) {
        Changeset x = store.using(forks);
        if (x.get(forks[0]) != null || x.get(forks[1]) != null) {
            return null;
        }
        x.set(forks[0], name);
        x.set(forks[1], name);
        try {
            x.commit();
            return x;
        } catch (ConcurrentUpdateException someoneWasFaster) {
            return null;
        }
    }

    /** Axon's {@code releaseforks}: puts both forks back; cannot conflict, as nobody else takes a held fork. */
    void releaseForks(Changeset held, String[] forks) {
        held.set(forks[0], null);
        held.set(forks[1], null);
        held.commit();
    }

    /** Audit: {@code name} starts eating with {@code forks}; records a violation if anyone else has one. */
    void startEating(String name, int[] forkNumbers, String[] forks) {
        for (int f : forkNumbers) {
            if (forkUsers.incrementAndGet(f) != 1) {
                violation(name + " took " + fork(f) + " while someone else held it");
            }
        }
        Changeset table = store.using(forks);
        if (!name.equals(table.get(forks[0])) || !name.equals(table.get(forks[1]))) {
            violation(name + " eats, but the store says " + table);
        }
    }

    /** Audit: {@code name} stops eating. */
    void stopEating(int[] forkNumbers) {
        for (int f : forkNumbers) {
            forkUsers.decrementAndGet(f);
        }
    }

    private void violation(String what) {
        firstViolation.compareAndSet(null, what);
    }

    /** The first time a fork was found held by two, or null if that never happened. */
    String firstViolation() {
        return firstViolation.get();
    }

    /** The version of fork {@code i}: how often it was taken or put back. */
    long forkVersion(int i) {
        Value<String> fork = store.usevar(fork(i));
        return fork.version();
    }
}
