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
 * <p>The parent drives the pipeline through a {@link Handle}. It first sends {@value #WARM_UP_JOBS}
 * small warm-up jobs ({@value #WARM_UP_DARTS} darts per stage) down the same code path as the
 * measured one and waits for their results, so every JVM is up and the JIT has compiled the dart
 * loop in every stage; the one-thread row throws the same warm-up darts first. This is ordinary
 * benchmark practice and the same for every row: without it each stage JVM compiles the loop while
 * the clock runs, a fixed cost that the 2-stage row pays on both cores at once. Then the clock
 * starts, the job goes in, each stage passes it on before throwing its share, and the clock stops
 * when every stage's result is back. JVM start-up is therefore not counted (PyCSP's process
 * figures include forking its workers). The "vs this" figure against the 1-stage row is the
 * speedup.
 */
final class MonteCarloPi implements Workload {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Darts per stage in each warm-up job: a few milliseconds once compiled. */
    private static final long WARM_UP_DARTS = 2_000_000;
    /** Warm-up jobs before the measured one: enough for the JIT to compile the dart loop fully. */
    private static final int WARM_UP_JOBS = 3;

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
        for (int i = 0; i < WARM_UP_JOBS; i++) {
            checkPi(PiStage.hits(WARM_UP_DARTS, i), WARM_UP_DARTS);
        }
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
            for (int i = 0; i < WARM_UP_JOBS; i++) {
                Tally warmUp = throwDarts(handle, WARM_UP_DARTS * workers, workers);
                checkPi(warmUp.hits(), warmUp.thrown());
            }
            long start = System.nanoTime();
            Tally tally = throwDarts(handle, darts, workers);
            double millis = (System.nanoTime() - start) / 1e6;
            checkPi(tally.hits(), tally.thrown());
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

    /**
     * Sends one job of {@code darts} through the pipeline and waits for every stage's result;
     * returns the hits and the darts thrown, summed over the stages.
     */
    private static Tally throwDarts(Handle handle, long darts, int workers) {
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
        return new Tally(hits, thrown);
    }

    /** The darts inside the quarter circle and all the darts thrown, over every stage of one job. */
    private record Tally(long hits, long thrown) {
    }

    private static void checkPi(long hits, long darts) {
        double pi = 4.0 * hits / darts;
        if (Math.abs(pi - Math.PI) > 0.01) {
            throw new IllegalStateException("Monte Carlo PI came out as " + pi);
        }
    }
}
