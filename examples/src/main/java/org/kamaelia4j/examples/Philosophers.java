package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kamaelia4j.axon.Scheduler;

/**
 * Dining philosophers on Axon's STM (Axon's {@code Examples/STM/Axon.Philosophers.py}): N
 * philosopher components around a table, the forks in a {@link org.kamaelia4j.stm.Store}, each
 * philosopher taking both its forks in one all-or-nothing commit.
 *
 * <pre>
 * ./k4j example philosophers          # 5 philosophers, dinner ends when each has eaten 3 times
 * ./k4j example philosophers 1000 2   # 1,000 philosophers, at least 2 meals each
 * </pre>
 *
 * <pre>{@code
 * Dinner dinner = Philosophers.run(Scheduler.create(2), 5, 3, System.out);
 * // philosopher.1 ate 4 meals
 * // ...
 * // 5 philosophers ate 19 meals; every one ate at least 3 times; no fork was ever held by two
 * }</pre>
 *
 * <p>Why it cannot deadlock: a philosopher never holds one fork while waiting for the other. It
 * reads both forks, and if both lie on the table, commits "both are mine"; if a neighbour committed
 * either fork in the meantime, the commit fails, writes nothing, and the philosopher tries again
 * in a later slice. Why no fork is ever shared: that commit succeeds only if neither fork changed
 * since it was read as free. The table audits this independently of the store (see
 * {@link DiningTable}), and every fork's version tells how often it was taken and put back, which
 * must be twice the meals of the two philosophers who share it.
 */
public final class Philosophers {

    /** Philosophers at the table when no number is given, as in Axon. */
    public static final int DEFAULT_PHILOSOPHERS = 5;
    /** Meals each philosopher eats at least when no number is given. */
    public static final int DEFAULT_MEALS = 3;

    private Philosophers() {
    }

    /**
     * How dinner went.
     *
     * @param meals          meals of philosopher 1..n, at index 0..n-1
     * @param forkVersions   the store version of fork 1..n at the end, at index 0..n-1
     * @param firstViolation the first time the audit saw a fork held by two, or null
     */
    public record Dinner(int[] meals, long[] forkVersions, String firstViolation) {

        /** Every meal eaten. */
        public long totalMeals() {
            long total = 0;
            for (int m : meals) {
                total += m;
            }
            return total;
        }

        /** True when every fork was taken and put back exactly once per meal of its two users. */
        public boolean forksAgreeWithMeals() {
            int n = meals.length;
            for (int fork = 0; fork < n; fork++) {
                int leftUser = (fork - 1 + n) % n;  // fork i is the right fork of philosopher i-1
                if (forkVersions[fork] != 2L * (meals[fork] + meals[leftUser])) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Seats {@code philosophers} philosophers, runs dinner on {@code scheduler} until each has eaten
     * at least {@code meals} times, prints every philosopher's meal count and a summary to {@code out}.
     */
    public static Dinner run(Scheduler scheduler, int philosophers, int meals, PrintStream out) {
        DiningTable table = new DiningTable(philosophers, meals);
        List<Philosopher> diners = new ArrayList<>(philosophers);
        for (int seat = 1; seat <= philosophers; seat++) {
            Philosopher p = new Philosopher(table, seat, seat);
            diners.add(p);
            p.activate(scheduler);
        }
        scheduler.run();

        int[] eaten = new int[philosophers];
        long[] versions = new long[philosophers];
        for (int i = 0; i < philosophers; i++) {
            Philosopher p = diners.get(i);
            eaten[i] = p.meals();
            versions[i] = table.forkVersion(i + 1);
            out.println(p.philosopher() + " ate " + eaten[i] + " meals");
        }
        Dinner dinner = new Dinner(eaten, versions, table.firstViolation());
        out.println(philosophers + " philosophers ate " + dinner.totalMeals() + " meals; "
                + (Arrays.stream(eaten).allMatch(m -> m >= meals)
                        ? "every one ate at least " + meals + " times; " : "NOT everyone ate enough; ")
                + (dinner.firstViolation() == null && dinner.forksAgreeWithMeals()
                        ? "no fork was ever held by two" : "FORKS WERE SHARED: " + dinner.firstViolation()));
        return dinner;
    }

    /** {@code ./k4j example philosophers [N [MEALS]]}. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PHILOSOPHERS;
        int meals = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_MEALS;
        run(Scheduler.create(Runtime.getRuntime().availableProcessors()), n, meals, System.out);
    }
}
