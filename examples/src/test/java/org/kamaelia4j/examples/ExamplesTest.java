package org.kamaelia4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Scheduler;

/** Runs each example as a program and checks what it prints. */
@Timeout(30)
class ExamplesTest {

    private static List<String> lines(Consumer<PrintStream> program) {
        return Output.lines(program);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void helloDoublesOneToTenInOrder(int workers) {
        List<String> out = lines(o -> Hello.run(Scheduler.create(workers), o));
        assertEquals(List.of("2", "4", "6", "8", "10", "12", "14", "16", "18", "20"), out);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void graphlineScalesEvensByTenAndOddsByAHundred(int workers) {
        List<String> out = lines(o -> GraphlineExample.run(Scheduler.create(workers), o));
        assertEquals(List.of("100", "20", "300", "40", "500", "60"), out.stream().sorted().toList(),
                "every number arrives exactly once, scaled by its parity");
    }

    @Test
    void philosophersByDefaultSeatsFiveWhoAllEat() {
        List<String> out = lines(o -> Philosophers.run(Scheduler.create(2), Philosophers.DEFAULT_PHILOSOPHERS,
                Philosophers.DEFAULT_MEALS, o));
        assertEquals(6, out.size(), out.toString());
        assertTrue(out.get(5).startsWith("5 philosophers ate ")
                && out.get(5).endsWith("every one ate at least 3 times; no fork was ever held by two"), out.get(5));
    }

    @Test
    @Timeout(180)
    void tutorialStepsGiveWhatTheReadmeSays() {
        assertEquals(List.of("pipeline: [2, 4, 6]", "graphline: [4, 8, 12]", "process pipeline: [4, 8, 12]",
                "stm: {hits={version=2, value=2}}", "introspect: ok"), lines(Tutorial::run));
    }

    @Test
    void examplesListNamesEveryExample() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Examples.main(new String[] {"list"});
        } finally {
            System.setOut(original);
        }
        assertEquals("examples: commstime, demo, graphline, hello, mandelbrot, montecarlo-pi, philosophers,"
                + " producer-consumer, sieve, token-ring, tutorial", bytes.toString(StandardCharsets.UTF_8).strip());
    }
}
