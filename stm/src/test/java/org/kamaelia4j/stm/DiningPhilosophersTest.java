package org.kamaelia4j.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Axon.Philosophers.py: philosophers take both their forks with one commit, so no two neighbours
 * ever hold a fork at once, and everyone eats (no deadlock). Bounded by a number of meals.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiningPhilosophersTest {

    private static final int PHILOSOPHERS = 5;
    private static final int MEALS = 1_000;

    private final Store store = new Store();
    private final AtomicInteger[] diners = new AtomicInteger[PHILOSOPHERS + 1];
    private final AtomicReference<String> firstViolation = new AtomicReference<>();

    @Test
    void neighboursNeverShareAForkAndEveryoneEats() throws Exception {
        for (int i = 1; i <= PHILOSOPHERS; i++) {
            diners[i] = new AtomicInteger();
        }
        ExecutorService pool = Executors.newFixedThreadPool(PHILOSOPHERS);
        try {
            List<CompletableFuture<Integer>> philosophers = new ArrayList<>();
            for (int i = 1; i <= PHILOSOPHERS; i++) {
                int left = i;
                int right = i % PHILOSOPHERS + 1;
                philosophers.add(CompletableFuture.supplyAsync(() -> dine("philosopher." + left, left, right), pool));
            }
            for (CompletableFuture<Integer> philosopher : philosophers) {
                assertEquals(MEALS, philosopher.get());
            }
            assertNull(firstViolation.get());
            for (int i = 1; i <= PHILOSOPHERS; i++) {
                assertNull(store.usevar("fork." + i).get(), "every fork is back on the table");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int dine(String name, int left, int right) {
        String[] forks = {"fork." + left, "fork." + right};
        int meals = 0;
        for (; meals < MEALS; meals++) {
            Changeset held = getForks(name, forks);
            eat(name, forks, left, right);
            held.set(forks[0], null);
            held.set(forks[1], null);
            held.commit(); // nobody else can have committed our forks while we held them
        }
        return meals;
    }

    /** Axon's {@code getforks}: take both forks in one commit when both are free, else try again. */
    private Changeset getForks(String name, String[] forks) {
        while (true) {
            Changeset x = store.using(forks);
            if (x.get(forks[0]) == null && x.get(forks[1]) == null) {
                x.set(forks[0], name);
                x.set(forks[1], name);
                try {
                    x.commit();
                    return x;
                } catch (ConcurrentUpdateException someoneElseWasFaster) {
                    Thread.yield();
                }
            } else {
                Thread.yield();
            }
        }
    }

    private void eat(String name, String[] forks, int left, int right) {
        int atLeft = diners[left].incrementAndGet();
        int atRight = diners[right].incrementAndGet();
        if (atLeft != 1 || atRight != 1) {
            firstViolation.compareAndSet(null, name + " shares a fork with a neighbour");
        }
        Changeset table = store.using(forks);
        if (!name.equals(table.get(forks[0])) || !name.equals(table.get(forks[1]))) {
            firstViolation.compareAndSet(null, name + " eats, but the store says " + table);
        }
        diners[left].decrementAndGet();
        diners[right].decrementAndGet();
    }
}
