package org.kamaelia4j.components.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.components.util.TagWithSequenceNumber.Tagged;

/** What each simple transformer does with its messages. */
@Timeout(60)
class TransformersTest {

    private static final List<Object> NUMBERS = new ArrayList<>(IntStream.range(0, 300).boxed().toList());

    /** Components that map each message to exactly one: name, factory, expected mapping. */
    static Stream<Arguments> oneToOne() {
        return Stream.of(
                Arguments.of("PassThrough", (Supplier<Component>) PassThrough::new, Function.identity()),
                Arguments.of("PureTransformer", (Supplier<Component>) () -> new PureTransformer<Integer, Integer>(
                        x -> x * 2), (Function<Object, Object>) x -> (Integer) x * 2),
                Arguments.of("Stringify", (Supplier<Component>) Stringify::new,
                        (Function<Object, Object>) String::valueOf),
                Arguments.of("UnseenOnly", (Supplier<Component>) UnseenOnly::new, Function.identity()),
                Arguments.of("Filter(true)", (Supplier<Component>) () -> new Filter<Object>(x -> true),
                        Function.identity()),
                Arguments.of("ConsoleEchoer(forward)", (Supplier<Component>) () -> new ConsoleEchoer(
                        new PrintStream(new ByteArrayOutputStream()), true, ""), Function.identity()),
                Arguments.of("TwoWaySplitter", (Supplier<Component>) TwoWaySplitter::new, Function.identity()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneToOne")
    void boundedInboxesOnBothSidesLoseNothingOnThreeWorkers(String name, Supplier<Component> make,
            Function<Object, Object> expected) {
        Component c = make.get();
        c.setInboxSize(Component.INBOX, 2);
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 1);
        Pipes.runInto(out, 3, new DataSource(NUMBERS), c);
        assertEquals(NUMBERS.stream().map(expected).toList(), out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @Test
    void pureTransformerLeavesOutNullResults() {
        Collector out = Pipes.run(1, new DataSource(1, 2, 3, 4), new PureTransformer<Integer, Object>(
                x -> x % 2 == 0 ? null : "odd " + x));
        assertEquals(List.of("odd 1", "odd 3"), out.collected());
    }

    @Test
    void filterKeepsWhatThePredicateAccepts() {
        Collector out = Pipes.run(2, new DataSource(NUMBERS), new Filter<Integer>(x -> x % 7 == 0));
        assertEquals(NUMBERS.stream().filter(x -> (Integer) x % 7 == 0).toList(), out.collected());
    }

    @Test
    void tagAndRangeFilterSelectSlicesOfAStream() {
        Collector out = Pipes.run(2, new DataSource(NUMBERS), new PureTransformer<Integer, String>(x -> "m" + x),
                new TagWithSequenceNumber(),
                new RangeFilter(List.of(new RangeFilter.Range(3, 5), new RangeFilter.Range(250, 251))));
        assertEquals(List.of(new Tagged<>(3, "m3"), new Tagged<>(4, "m4"), new Tagged<>(5, "m5"),
                new Tagged<>(250, "m250"), new Tagged<>(251, "m251")), out.collected());
    }

    @Test
    void rangeFilterTakesPlainWholeNumbersAndRejectsOtherThings() {
        Collector out = Pipes.run(1, new DataSource(1L, 10, 20), new RangeFilter(List.of(new RangeFilter.Range(
                10, 30))));
        assertEquals(List.of(10, 20), out.collected());
        RangeFilter f = new RangeFilter(List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.process("x"));
        assertTrue(e.getMessage().contains("RangeFilter") && e.getMessage().contains("String"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RangeFilter.Range(5, 4));
    }

    @Test
    void firstOnlyPassesTheFirstMessage() {
        assertEquals(List.of("a"), Pipes.run(1, new DataSource("a", "b", "c"), new FirstOnly()).collected());
    }

    @Test
    void unseenOnlyDropsRepeats() {
        Collector out = Pipes.run(1, new DataSource("a", "b", "a", "c", "b", "c", "d"), new UnseenOnly());
        assertEquals(List.of("a", "b", "c", "d"), out.collected());
    }

    @Test
    void collateSendsEverythingAsOneListBeforeTheShutdownMessage() {
        Collector out = Pipes.run(2, new DataSource(NUMBERS), new Collate());
        assertEquals(List.of(NUMBERS), out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @Test
    void chunkifierRegroupsStringsAndSendsTheRemainderAtTheEnd() {
        Collector out = Pipes.run(1, new DataSource("abc", "defgh", "", "ij", "klmnopqrs", "t"), new Chunkifier(4));
        assertEquals(List.of("abcd", "efgh", "ijkl", "mnop", "qrst"), out.collected());
        out = Pipes.run(1, new DataSource("abcde"), new Chunkifier(2));
        assertEquals(List.of("ab", "cd", "e"), out.collected());
    }

    @Test
    void chunkifierRegroupsBytes() {
        Collector out = Pipes.run(1, new DataSource(new byte[] {1, 2, 3}, new byte[] {4, 5, 6, 7, 8}),
                new Chunkifier(3));
        List<Object> chunks = out.collected();
        assertEquals(3, chunks.size());
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) chunks.get(0));
        assertArrayEquals(new byte[] {4, 5, 6}, (byte[]) chunks.get(1));
        assertArrayEquals(new byte[] {7, 8}, (byte[]) chunks.get(2));
    }

    @Test
    void chunkifierRejectsAMixedStreamAndBadSizes() throws Exception {
        Chunkifier c = new Chunkifier(2);
        c.process("a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.process(new byte[1]));
        assertTrue(e.getMessage().contains("Chunkifier") && e.getMessage().contains("byte"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Chunkifier(0));
    }

    @Test
    void lineSplitSendsEveryPieceAsKamaeliaDoes() {
        Collector out = Pipes.run(1, new DataSource("a\nb", "c", "d\n"), new LineSplit());
        assertEquals(List.of("a", "b", "c", "d", ""), out.collected());
    }

    @Test
    void stringifyUsesValueOf() {
        assertEquals(List.of("1", "[x]", "true"), Pipes.run(1, new DataSource(1, List.of("x"), true),
                new Stringify()).collected());
    }

    @Test
    void nullSinkSwallowsEverything() {
        Collector out = Pipes.run(2, new DataSource(NUMBERS), new NullSink());
        assertEquals(List.of(), out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @Test
    void oneShotSendsItsMessageThenProducerFinished() {
        Collector out = Pipes.run(1, new OneShot("hello"));
        assertEquals(List.of("hello"), out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
        Collector full = new Collector();
        full.setInboxSize(Component.INBOX, 1);
        assertEquals(List.of("x"), Pipes.runInto(full, 2, new OneShot("x")).collected());
    }

    @Test
    void chooserStepsThroughItsItems() {
        Collector out = Pipes.run(1, new DataSource(Chooser.NEXT, Chooser.NEXT, Chooser.NEXT, Chooser.PREV,
                Chooser.FIRST, Chooser.PREV, Chooser.LAST, Chooser.SAME), new Chooser(List.of("a", "b", "c"), false));
        assertEquals(List.of("a", "b", "c", "b", "a", "c", "c"), out.collected());
    }

    @Test
    void aLoopingChooserWrapsRound() {
        Collector out = Pipes.run(1, new DataSource(Chooser.PREV, Chooser.NEXT, Chooser.NEXT),
                new Chooser(List.of("a", "b"), true));
        assertEquals(List.of("a", "b", "a", "b"), out.collected());
    }

    @Test
    void chooserRejectsUnknownCommandsAndSendsNothingForAnEmptyList() {
        Chooser c = new Chooser(List.of("a"), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.process("JUMP"));
        assertTrue(e.getMessage().contains("NEXT") && e.getMessage().contains("JUMP"), e.getMessage());
        assertEquals(List.of(), Pipes.run(1, new DataSource(Chooser.NEXT, Chooser.LAST),
                new Chooser(List.of(), true)).collected());
    }

    @Test
    void codecsRoundTrip() {
        Codec<String, byte[]> utf8 = Codec.utf8();
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), utf8.encode("héllo"));
        Codec<Serializable, byte[]> java = Codec.javaSerialization();
        Serializable value = new ArrayList<>(List.of(1, "two", Map.of("k", 3.0)));
        assertEquals(value, java.decode(java.encode(value)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> java.decode(new byte[] {1}));
        assertTrue(e.getMessage().contains("javaSerialization"), e.getMessage());
    }

    @Test
    void marshallerAndDeMarshallerInAPipelineGiveBackTheMessages() {
        Collector encoded = Pipes.run(1, new DataSource("a", "héllo"), new Marshaller<>(Codec.utf8()));
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), (byte[]) encoded.collected().get(1));
        List<Object> values = List.of(1, "two", new ArrayList<>(List.of(3)));
        Collector out = Pipes.run(2, new DataSource(values), new Marshaller<>(Codec.javaSerialization()),
                new DeMarshaller<>(Codec.javaSerialization()));
        assertEquals(values, out.collected());
    }

    @Test
    void consoleEchoerPrintsWithItsSuffixAndForwardsOnlyIfAsked() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Collector out = Pipes.run(1, new DataSource("a", 1, "é".getBytes(StandardCharsets.UTF_8)),
                new ConsoleEchoer(ps, false, "\n"));
        assertEquals("a\n1\né\n", printed.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), out.collected());
    }
}
