package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.BoxAlreadyLinkedException;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.UnknownBoxException;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;
import org.kamaelia4j.process.TestComponents.Doubler;
import org.kamaelia4j.process.TestComponents.EvenOddSplitter;
import org.kamaelia4j.process.TestComponents.Merger;
import org.kamaelia4j.process.TestComponents.Negator;

class ProcessGraphlineTest {

    private static final String[] JVM = ProcessPipelineTest.SMALL_JVM;

    /** split -> (evens: double, odds: negate) -> merge, with custom boxes and fan-in on inbox and control. */
    private static ProcessGraphline.Builder diamond() {
        return ProcessGraphline.builder()
                .stage("split", Stage.of(EvenOddSplitter::new).jvmOptions(JVM))
                .stage("evens", Stage.of(Doubler::new).jvmOptions(JVM))
                .stage("odds", Stage.of(Negator::new).jvmOptions(JVM))
                .stage("merge", Stage.of(Merger::new).jvmOptions(JVM))
                .link("self", "inbox", "split", "inbox")
                .link("split", "even", "evens", "inbox")
                .link("split", "odd", "odds", "inbox")
                .link("split", "signal", "evens", "control")
                .link("split", "oddSignal", "odds", "control")
                .link("evens", "outbox", "merge", "inbox")
                .link("odds", "outbox", "merge", "inbox")
                .link("evens", "signal", "merge", "control")
                .link("odds", "signal", "merge", "control")
                .link("merge", "outbox", "self", "outbox")
                .link("merge", "signal", "self", "signal");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void fanOutAndFanInAcrossFourJvmsDeliverEveryMessageOnce(int workers) {
        ProcessGraphline g = diamond().build();
        Collector out = new Collector();
        Scheduler s = Scheduler.create(workers);
        new Pipeline(new DataSource(ProcessPipelineTest.range(1, 300)), g, out).activate(s);
        s.run();
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            expected.add(i % 2 == 0 ? 2 * i : -i);
        }
        List<Integer> got = new ArrayList<>(out.collected().stream().map(o -> (Integer) o).toList());
        got.sort(null);
        expected.sort(null);
        assertEquals(expected, got);
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
        assertFalse(Files.exists(g.runDirectory()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void withoutASignalLinkTheGraphlineSaysProducerFinishedAndPassesControlToUnlinkedStages() {
        ProcessGraphline g = ProcessGraphline.builder()
                .stage("double", Stage.of(Doubler::new).jvmOptions(JVM))
                .link("self", "inbox", "double", "inbox")
                .link("double", "outbox", "self", "outbox")
                .build();
        Collector out = new Collector();
        new Pipeline(new DataSource(List.of(1, 2, 3)), g, out).run();
        assertEquals(List.of(2, 4, 6), out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
        assertFalse(Files.exists(g.runDirectory()));
    }

    @Test
    void selfBoxesNamedInLinksAreAddedWithTheStageBoxDescription() {
        ProcessGraphline g = ProcessGraphline.builder()
                .stage("split", Stage.of(EvenOddSplitter::new))
                .link("self", "numbers", "split", "inbox")
                .link("split", "odd", "self", "odds")
                .build();
        assertTrue(g.inboxNames().containsAll(Set.of("inbox", "control", "numbers")), g.inboxNames().toString());
        assertTrue(g.outboxNames().contains("odds"));
        assertEquals("the odd integers", g.describe("odds"));
    }

    @Test
    void badLinksAreRefusedNamingWhatIsWrongAndWhatExists() {
        IllegalArgumentException unknownStage = assertThrows(IllegalArgumentException.class, () -> diamond()
                .link("nowhere", "outbox", "merge", "inbox").build());
        assertTrue(unknownStage.getMessage().contains("'nowhere'") && unknownStage.getMessage().contains("split"),
                unknownStage.getMessage());
        UnknownBoxException unknownBox = assertThrows(UnknownBoxException.class, () -> ProcessGraphline.builder()
                .stage("split", Stage.of(EvenOddSplitter::new)).link("split", "evens", "self", "outbox").build());
        assertTrue(unknownBox.getMessage().contains("evens"), unknownBox.getMessage());
        IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class,
                () -> ProcessGraphline.builder().stage("split", Stage.of(EvenOddSplitter::new))
                        .link("split", "inbox", "self", "outbox").build());
        assertTrue(wrongKind.getMessage().contains("outboxes are"), wrongKind.getMessage());
        assertThrows(BoxAlreadyLinkedException.class, () -> diamond().link("split", "even", "odds", "inbox").build());
        assertThrows(IllegalArgumentException.class, () -> ProcessGraphline.builder()
                .stage("split", Stage.of(EvenOddSplitter::new)).link("self", "inbox", "self", "outbox").build());
        assertThrows(IllegalArgumentException.class, () -> ProcessGraphline.builder().stage("self",
                Stage.of(Doubler::new)));
        assertThrows(IllegalArgumentException.class, () -> ProcessGraphline.builder().build());
    }
}
