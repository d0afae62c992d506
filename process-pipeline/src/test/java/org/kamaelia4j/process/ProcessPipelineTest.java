package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;
import org.kamaelia4j.process.TestComponents.Doubler;
import org.kamaelia4j.process.TestComponents.Incrementer;
import org.kamaelia4j.process.TestComponents.Printer;
import org.kamaelia4j.process.TestComponents.ShutdownSource;

class ProcessPipelineTest {

    /** Options that make the small stage JVMs of the tests start quickly on few cores. */
    static final String[] SMALL_JVM = {"-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"};

    static List<Object> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().map(i -> (Object) i).toList();
    }

    static List<Object> plus(List<Object> numbers, int k) {
        return numbers.stream().map(i -> (Object) ((Integer) i + k)).toList();
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoStagesCarryEveryMessageInOrderAndFinish(int workers) {
        ProcessPipeline pp = ProcessPipeline.of(
                Stage.of(Doubler::new).jvmOptions(SMALL_JVM),
                Stage.of(Doubler::new).jvmOptions(SMALL_JVM));
        Collector out = new Collector();
        Scheduler s = Scheduler.create(workers);
        new Pipeline(new DataSource(range(1, 500)), pp, out).activate(s);
        s.run();
        assertEquals(range(1, 500).stream().map(i -> (Object) (4 * (Integer) i)).toList(), out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
        assertNotNull(pp.runDirectory());
        assertFalse(Files.exists(pp.runDirectory()), "run directory removed after a clean finish");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shutdownMicroprocessTravelsThroughThreeStageJvmsAfterTheData(int workers) {
        ProcessPipeline pp = ProcessPipeline.of(
                Stage.of(Incrementer::new).jvmOptions(SMALL_JVM),
                Stage.of(Incrementer::new).jvmOptions(SMALL_JVM),
                Stage.of(Incrementer::new).jvmOptions(SMALL_JVM));
        Collector out = new Collector();
        Scheduler s = Scheduler.create(workers);
        new Pipeline(new ShutdownSource(50), pp, out).activate(s);
        s.run();
        assertEquals(plus(range(1, 50), 3), out.collected());
        assertInstanceOf(ShutdownMicroprocess.class, out.shutdownMessage());
        assertFalse(Files.exists(pp.runDirectory()));
        for (String stage : pp.stageNames()) {
            ProcessHandle jvm = pp.stageProcess(stage).orElseThrow();
            assertFalse(jvm.isAlive(), stage + " has exited");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stoppingARunningProcessPipelineEndsItsStagesAndRemovesItsDirectory() throws Exception {
        ProcessPipeline pp = ProcessPipeline.of(Stage.of(Incrementer::new).jvmOptions(SMALL_JVM));
        Scheduler s = Scheduler.create(1);
        pp.activate(s);
        s.startInBackground();
        while (pp.stageProcess("stage0").isEmpty()) {
            Thread.sleep(10);
        }
        ProcessHandle stage = pp.stageProcess("stage0").orElseThrow();
        assertTrue(Files.isDirectory(pp.runDirectory()));
        pp.stop();
        while (!pp.isStopped() || s.microprocesses().contains(pp)) {
            Thread.sleep(10);
        }
        s.stop();
        assertFalse(stage.isAlive(), "the stage JVM was ended");
        assertFalse(Files.exists(pp.runDirectory()), "run directory removed after stop()");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aProcessPipelineRunsOnItsOwnAndNamesItsStagesByPosition() {
        ProcessPipeline pp = ProcessPipeline.of(Stage.of(() -> new DataSource(List.of("a", "b"))),
                Stage.of(Printer::new).jvmOptions(SMALL_JVM));
        assertEquals(List.of("stage0", "stage1"), List.copyOf(pp.stageNames()));
        pp.run();
        assertFalse(Files.exists(pp.runDirectory()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stageStandardOutputIsForwardedPrefixedByTheStageName() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Collector out = new Collector();
            new Pipeline(new DataSource(List.of(1, 2)),
                    ProcessPipeline.of(Stage.of(Printer::new).named("printer").jvmOptions(SMALL_JVM)), out).run();
            assertEquals(List.of(1, 2), out.collected());
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[printer] printed 1") && text.contains("[printer] printed 2"), text);
    }

    @Test
    void badPipelinesAreRefusedWithClearMessages() {
        assertThrows(IllegalArgumentException.class, ProcessPipeline::of);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ProcessPipeline.of(Stage.of(Doubler::new).named("x"), Stage.of(Doubler::new).named("x")));
        assertTrue(twice.getMessage().contains("'x'"), twice.getMessage());
        Object notSerializable = new Object();
        IllegalArgumentException shipping = assertThrows(IllegalArgumentException.class,
                () -> ProcessPipeline.of(Stage.of(() -> {
                    notSerializable.hashCode();
                    return new Doubler();
                }).named("capturing")));
        assertTrue(shipping.getMessage().contains("stage 'capturing'"), shipping.getMessage());
        IllegalStateException nothing = assertThrows(IllegalStateException.class,
                () -> ProcessPipeline.of(Stage.of(() -> (Component) null).named("empty")));
        assertTrue(nothing.getMessage().contains("'empty'"), nothing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Stage.of(Doubler::new).named("no spaces"));
    }
}
