package org.kamaelia4j.benchmarks;

import java.time.Duration;
import java.util.List;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.process.ProcessPipeline;
import org.kamaelia4j.process.Stage;

/**
 * Monte Carlo PI, the PyCSP paper's workload: the same number of darts thrown by 1 and by 2
 * stage JVMs of a ProcessPipeline ({@link PiStage}), in milliseconds, beside the same loop on one
 * thread of the parent JVM.
 *
 * <p>The parent drives the pipeline through a {@link Handle}: it sends a warm-up probe and waits
 * for it to come back through every stage, so every JVM is up; the clock starts, the job goes in,
 * each stage passes it on and throws its share, and the clock stops when every stage's result is
 * back. JVM start-up is therefore not counted (PyCSP's process figures include forking its
 * workers). The "vs this" figure against the 1-stage row is the speedup.
 */
final class MonteCarloPi implements Workload {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Override
    public String name() {
        return "monte-carlo-pi";
    }

    @Override
    public String title() {
        return "Monte Carlo PI on ProcessPipeline stage JVMs: 2 stages vs 1 stage, ms for the whole job";
    }

    @Override
    public Unit unit() {
        return Unit.MILLISECONDS;
    }

    @Override
    public String target() {
        return ">= 1.8x speedup from 1 to 2 stages on 2 cores";
    }

    @Override
    public String notes() {
        return "For comparison, the PyCSP paper's Monte Carlo PI for 1..5 workers: Python threads 0.98 s -> 1.57 s "
                + "(slower with more workers: the GIL), processes 1.01 s -> 0.56 s (1.8x at 5 workers).";
    }

    @Override
    public boolean startsJvms() {
        return true;
    }

    /** Darts per job. */
    @Override
    public long size(boolean quick) {
        return quick ? 100_000_000 : 400_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J ProcessPipeline, 2 stages", true, n -> stages(n, 2)),
                new Contender("Kamaelia4J ProcessPipeline, 1 stage", false, n -> stages(n, 1)),
                new Contender("one thread in the parent JVM", false, MonteCarloPi::oneThread));
    }

    private static double oneThread(long darts) {
        long start = System.nanoTime();
        checkPi(PiStage.hits(darts, start), darts);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double stages(long darts, int workers) {
        Stage[] stages = new Stage[workers];
        for (int i = 0; i < workers; i++) {
            stages[i] = Stage.of(PiStage::new).jvmOptions(ProcessLinkThroughput.STAGE_JVM);
        }
        ProcessPipeline pp = ProcessPipeline.of(stages);
        Scheduler scheduler = Scheduler.create(1);
        scheduler.startInBackground();
        try {
            Handle handle = Handle.activate(pp, scheduler);
            handle.put("warm-up");
            expect("warm-up", handle.get(PATIENCE));
            long start = System.nanoTime();
            handle.put(PiStage.JOB + darts + ":" + workers);
            long hits = 0;
            long thrown = 0;
            for (int results = 0; results < workers; ) {
                String m = handle.get(PATIENCE);
                if (m == null) {
                    throw new IllegalStateException("no result from the stages within " + PATIENCE);
                }
                if (m.startsWith(PiStage.RESULT)) {
                    String[] parts = m.split(":");
                    hits += Long.parseLong(parts[1]);
                    thrown += Long.parseLong(parts[2]);
                    results++;
                }
            }
            double millis = (System.nanoTime() - start) / 1e6;
            checkPi(hits, thrown);
            handle.put(new ProducerFinished(), "control");
            while (!pp.isStopped()) {
                Thread.sleep(10);
            }
            return millis;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            scheduler.stop();
        }
    }

    private static void expect(String expected, Object got) {
        if (!expected.equals(got)) {
            throw new IllegalStateException("expected '" + expected + "' back from the stages, got " + got);
        }
    }

    private static void checkPi(long hits, long darts) {
        double pi = 4.0 * hits / darts;
        if (Math.abs(pi - Math.PI) > 0.01) {
            throw new IllegalStateException("Monte Carlo PI came out as " + pi);
        }
    }
}
