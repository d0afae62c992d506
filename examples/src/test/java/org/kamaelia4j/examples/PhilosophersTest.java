package org.kamaelia4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kamaelia4j.axon.Scheduler;

/** Dining philosophers: everyone eats, dinner ends (no deadlock), no fork is ever held by two. */
@Timeout(60)
class PhilosophersTest {

    @ParameterizedTest(name = "{0} philosophers, {1} meals, {2} worker(s)")
    @CsvSource({"5, 3, 1", "5, 20, 2", "1000, 1, 1", "1000, 2, 2"})
    void everyoneEatsAndNoForkIsEverHeldByTwo(int philosophers, int meals, int workers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Philosophers.Dinner dinner;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            dinner = Philosophers.run(Scheduler.create(workers), philosophers, meals, out);
        }
        List<String> lines = Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\\R"));

        assertEquals(philosophers, dinner.meals().length);
        assertTrue(Arrays.stream(dinner.meals()).allMatch(m -> m >= meals), Arrays.toString(dinner.meals()));
        assertNull(dinner.firstViolation());
        assertTrue(dinner.forksAgreeWithMeals(), "each fork's version is twice its two users' meals: "
                + Arrays.toString(dinner.forkVersions()) + " vs " + Arrays.toString(dinner.meals()));

        assertEquals(philosophers + 1, lines.size());
        long printedTotal = 0;
        for (int i = 0; i < philosophers; i++) {
            String expectedStart = "philosopher." + (i + 1) + " ate ";
            assertTrue(lines.get(i).startsWith(expectedStart) && lines.get(i).endsWith(" meals"), lines.get(i));
            printedTotal += Long.parseLong(lines.get(i).substring(expectedStart.length(), lines.get(i).length() - 6));
        }
        assertEquals(dinner.totalMeals(), printedTotal, "the printed counts add up to the meals eaten");
        assertEquals(philosophers + " philosophers ate " + printedTotal + " meals; every one ate at least " + meals
                + " times; no fork was ever held by two", lines.get(philosophers));
    }

    @Test
    void theDefaultTableSeatsFive() {
        assertEquals(5, Philosophers.DEFAULT_PHILOSOPHERS);
    }

    @Test
    void aTableNeedsTwoPhilosophersAndAtLeastOneMeal() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Philosophers.run(Scheduler.create(1), 1, 1, sink)).getMessage().contains("at least 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Philosophers.run(Scheduler.create(1), 5, 0, sink)).getMessage().contains("at least 1 meal"));
    }

    @Test
    void aCheatingCountIsCaught() {
        Philosophers.Dinner cheat = new Philosophers.Dinner(new int[] {1, 1, 1}, new long[] {4, 4, 2}, null);
        assertTrue(!cheat.forksAgreeWithMeals(), "fork 3 was used too rarely for these meals");
    }
}
