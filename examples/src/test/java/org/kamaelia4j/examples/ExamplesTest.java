package org.kamaelia4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

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
    void introspectionPrintsTheRunningSystemAsNodesAndLinks() {
        List<String> out = lines(IntrospectionExample::run);
        assertEquals("DEL ALL", out.get(0), "the introspector's first report comes first");
        String source = nodeId(out, "NumberSource");
        String scale = nodeId(out, "Scale");
        String printer = nodeId(out, "Printer");
        for (String link : List.of(link(source, source + ".o.outbox"), link(scale, scale + ".i.inbox"),
                link(source + ".o.outbox", scale + ".i.inbox"), link(scale + ".o.outbox", printer + ".i.inbox"))) {
            assertTrue(out.contains(link), link + " in " + out);
        }
        assertEquals(List.of("got 10", "got 20", "got 30", "got 40", "got 50"),
                out.stream().filter(l -> l.startsWith("got ")).toList(), "the system ran meanwhile");
    }

    /** The node id of the one component called {@code type_ID} that the output adds. */
    private static String nodeId(List<String> out, String type) {
        Pattern node = Pattern.compile("ADD NODE \"(\\S*?(\\d+))\" \"" + type + "_(\\d+)\" randompos component");
        List<String> ids = out.stream().map(node::matcher).filter(m -> m.matches() && m.group(2).equals(m.group(3)))
                .map(m -> m.group(1)).toList();
        assertEquals(1, ids.size(), "ADD NODE lines for a " + type + ": " + ids + " in " + out);
        return ids.get(0);
    }

    private static String link(String from, String to) {
        return "ADD LINK \"" + from + "\" \"" + to + "\"";
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
        assertEquals("examples: chat, commstime, demo, graphline, hello, introspection, mandelbrot, montecarlo-pi,"
                + " philosophers, producer-consumer, sieve, token-ring, tutorial",
                bytes.toString(StandardCharsets.UTF_8).strip());
    }
}
