package org.kamaelia4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            program.accept(out);
        }
        return Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\\R"));
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
    void demoPrintsBothProgramsAndFinishes() {
        List<String> out = lines(Demo::run);
        assertTrue(out.get(0).startsWith("Kamaelia4J demo on "), out.get(0));
        assertTrue(out.containsAll(List.of("2", "20", "100", "500")), out.toString());
        assertEquals("-- done", out.get(out.size() - 1));
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
        assertEquals("examples: demo, graphline, hello, montecarlo-pi, sieve", bytes.toString(StandardCharsets.UTF_8).strip());
    }
}
