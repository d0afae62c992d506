package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.components.util.DataSource;
import org.kamaelia4j.process.TestComponents.Exiter;
import org.kamaelia4j.process.TestComponents.GatedCollector;
import org.kamaelia4j.process.TestComponents.Incrementer;
import org.kamaelia4j.process.TestComponents.Thrower;
import org.kamaelia4j.process.TestComponents.Unsendable;

class StageFailureTest {

    private static final String[] JVM = ProcessPipelineTest.SMALL_JVM;

    private static StageFailedException failureIn(Object lastWord) {
        ErrorInformation err = assertInstanceOf(ErrorInformation.class, lastWord);
        return assertInstanceOf(StageFailedException.class, err.exception());
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aStageWhoseComponentThrowsIsReportedWithItsStderrAndTheRunDirectoryIsKept(int workers) throws Exception {
        ProcessPipeline pp = ProcessPipeline.of(Stage.of(Thrower::new).named("thrower").jvmOptions(JVM),
                Stage.of(Incrementer::new).named("after").jvmOptions(JVM));
        Scheduler s = Scheduler.create(workers);
        GatedCollector sink = new GatedCollector(1000, true, Duration.ZERO);
        new Pipeline(new DataSource(ProcessPipelineTest.range(1, 10)), pp, sink).activate(s);
        s.run();
        StageFailedException dead = failureIn(sink.lastWord());
        assertEquals("thrower", dead.stageName());
        assertEquals(1, dead.exitCode());
        assertTrue(String.join("\n", dead.stderrTail()).contains("three is too many"), dead.getMessage());
        assertTrue(dead.getMessage().contains("stage 'thrower' (pid " + dead.pid() + ") exited with code 1"));
        assertTrue(Files.isDirectory(pp.runDirectory()), "the run directory is kept after a failure");
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(pp.runDirectory()));
        assertTrue(dead.getMessage().contains(pp.runDirectory().toString()));
        assertFalse(sink.collected().contains(4), "nothing after the failing message: " + sink.collected());
        RunDirectory.delete(pp.runDirectory());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aStageThatCallsSystemExitIsReportedWithItsExitCode() {
        ProcessPipeline pp = ProcessPipeline.of(Stage.of(Exiter::new).named("quitter").jvmOptions(JVM));
        GatedCollector sink = new GatedCollector(1000, true, Duration.ZERO);
        Scheduler s = Scheduler.create(2);
        new Pipeline(new DataSource(ProcessPipelineTest.range(1, 3)), pp, sink).activate(s);
        s.run();
        StageFailedException dead = failureIn(sink.lastWord());
        assertEquals("quitter", dead.stageName());
        assertEquals(7, dead.exitCode());
        RunDirectory.delete(pp.runDirectory());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMessageNoCodecCanWriteFailsAtTheSendingStageNamingItsClass() {
        ProcessPipeline pp = ProcessPipeline.of(Stage.of(Unsendable::new).named("sender").jvmOptions(JVM));
        GatedCollector sink = new GatedCollector(1000, true, Duration.ZERO);
        Scheduler s = Scheduler.create(2);
        new Pipeline(new DataSource(ProcessPipelineTest.range(1, 3)), pp, sink).activate(s);
        s.run();
        StageFailedException dead = failureIn(sink.lastWord());
        String tail = String.join("\n", dead.stderrTail());
        assertTrue(tail.contains("stage 'sender'") && tail.contains("java.lang.Thread"), tail);
        assertTrue(tail.contains(MessageEncodingException.class.getName()), tail);
        assertTrue(sink.collected().isEmpty());
        RunDirectory.delete(pp.runDirectory());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMessageNoCodecCanWriteFailsAtTheParentWhenSentIntoTheNetwork() {
        ProcessPipeline pp = ProcessPipeline.of(Stage.of(Incrementer::new).jvmOptions(JVM));
        Scheduler s = Scheduler.create(1);
        GatedCollector sink = new GatedCollector(1000, true, Duration.ZERO);
        new Pipeline(new DataSource(List.of(new Object())), pp, sink).activate(s);
        s.run();
        ErrorInformation err = assertInstanceOf(ErrorInformation.class, sink.lastWord());
        MessageEncodingException e = assertInstanceOf(MessageEncodingException.class, err.exception());
        assertTrue(e.getMessage().contains("java.lang.Object") && e.getMessage().contains("stage0"), e.getMessage());
        assertTrue(sink.collected().isEmpty());
        RunDirectory.delete(pp.runDirectory());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyMessageArrivesOnceWhenAMiddleStageIsKilledAndRestarted() throws Exception {
        int n = 3000;
        KillRun run = killMiddle(n, RestartPolicy.upTo(1));
        List<Object> expected = ProcessPipelineTest.range(1, n).stream().map(i -> (Object) ((Integer) i + 3))
                .toList();
        assertEquals(expected, run.sink.collected(), "none lost, none duplicated, in order");
        assertInstanceOf(ProducerFinished.class, run.sink.lastWord());
        assertFalse(Files.exists(run.network.runDirectory()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void killingAMiddleStageWithoutRestartReportsItAndDeliversNoDuplicates() throws Exception {
        int n = 3000;
        KillRun run = killMiddle(n, RestartPolicy.never());
        assertInstanceOf(ErrorInformation.class, run.sink.lastWord(), () -> run.sink.collected().toString());
        StageFailedException dead = failureIn(run.sink.lastWord());
        assertEquals("middle", dead.stageName());
        assertEquals(run.killedPid, dead.pid());
        assertEquals(137, dead.exitCode());
        List<Object> got = run.sink.collected();
        assertEquals(got.size(), new HashSet<>(got).size(), "no duplicates");
        List<Object> expected = ProcessPipelineTest.range(1, n).stream().map(i -> (Object) ((Integer) i + 3))
                .toList();
        assertEquals(expected.subList(0, got.size()), got, "what arrived is a prefix of what was sent");
        for (String stage : run.network.stageNames()) {
            run.network.stageProcess(stage).ifPresent(p -> assertFalse(p.isAlive(), stage + " was shut down"));
        }
        RunDirectory.delete(run.network.runDirectory());
    }

    private record KillRun(ProcessPipeline network, GatedCollector sink, long killedPid) {
    }

    /**
     * Three incrementing stages with a small window feed a closed gate, so every link fills up;
     * then the middle stage's JVM is killed with SIGKILL, and the gate opened.
     */
    private static KillRun killMiddle(int n, RestartPolicy policy) throws Exception {
        ProcessPipeline pp = ProcessPipeline.of(LinkOptions.defaults().windowMessages(32),
                Stage.of(Incrementer::new).named("first").jvmOptions(JVM),
                Stage.of(Incrementer::new).named("middle").jvmOptions(JVM).restart(policy),
                Stage.of(Incrementer::new).named("last").jvmOptions(JVM));
        GatedCollector sink = new GatedCollector(16, false, Duration.ZERO);
        Scheduler s = Scheduler.create(2);
        new Pipeline(new DataSource(ProcessPipelineTest.range(1, n)), pp, sink).activate(s);
        Thread runner = Thread.ofPlatform().start(s::run);
        while (!sink.full()) {
            Thread.onSpinWait();
            Thread.sleep(5);
        }
        ProcessHandle middle = pp.stageProcess("middle").orElseThrow();
        middle.destroyForcibly();
        middle.onExit().get();
        sink.open();
        runner.join();
        return new KillRun(pp, sink, middle.pid());
    }
}
