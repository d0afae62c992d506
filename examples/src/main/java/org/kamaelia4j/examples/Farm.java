package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.util.List;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;
import org.kamaelia4j.process.ProcessPipeline;
import org.kamaelia4j.process.Stage;

/**
 * Runs a job of {@link FarmTask}s on {@code n} {@link FarmWorker}s, either as a {@code Pipeline}
 * on one scheduler with {@code n} worker threads, or as a {@code ProcessPipeline} with one JVM per
 * worker: the same components, wired the same way, which is Kamaelia's point that a
 * {@code ProcessPipeline} is a drop-in replacement for a {@code Pipeline}.
 *
 * <pre>{@code
 * List<MonteCarloPi.Chunk> chunks = MonteCarloPi.chunks(1_000_000_000L, 100);
 * Farm.Run<MonteCarloPi.Hits> run = Farm.separateJvms(4).run(chunks, System.out);
 * System.out.println(MonteCarloPi.estimate(run.results()) + " in " + run.seconds() + " s");
 * }</pre>
 *
 * <p>The network is {@code DataSource(tasks) -> worker 0 -> ... -> worker n-1 -> Progress ->
 * Collector}. Worker {@code i} computes the tasks whose index is {@code i} modulo {@code n}, so
 * interleaved tasks (rows of an image, chunks of samples) spread evenly. A worker that fails ends
 * the run with an exception instead of leaving it waiting. The time of a run is wall time from
 * activation to the last result, JVM start-up included for separate JVMs.
 */
public final class Farm {

    /** Options for stage JVMs: a small serial collector suits compute-bound stages that make little garbage. */
    static final List<String> STAGE_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m");

    private final int workers;
    private final boolean separateJvms;

    private Farm(int workers, boolean separateJvms) {
        if (workers < 1) {
            throw new IllegalArgumentException("a Farm needs at least one worker, got " + workers);
        }
        this.workers = workers;
        this.separateJvms = separateJvms;
    }

    /** A farm of {@code workers} components on one scheduler with as many worker threads. */
    public static Farm inProcess(int workers) {
        return new Farm(workers, false);
    }

    /** A farm of {@code stages} components, each in its own JVM, linked as a {@code ProcessPipeline}. */
    public static Farm separateJvms(int stages) {
        return new Farm(stages, true);
    }

    /** How many workers (threads or JVMs). */
    public int workers() {
        return workers;
    }

    /** The workers as one component: a {@code Pipeline} or a {@code ProcessPipeline}. */
    public Component network() {
        if (separateJvms) {
            Stage[] stages = new Stage[workers];
            for (int i = 0; i < workers; i++) {
                int position = i;
                int count = workers;
                stages[i] = Stage.of(() -> new FarmWorker(position, count)).named("worker" + i)
                        .jvmOptions(STAGE_JVM_OPTIONS.toArray(String[]::new));
            }
            return ProcessPipeline.of(stages);
        }
        Component[] stages = new Component[workers];
        for (int i = 0; i < workers; i++) {
            stages[i] = new FarmWorker(i, workers);
        }
        return new Pipeline(stages);
    }

    /** Runs {@code tasks} on a {@link #newScheduler()}; see {@link #run(List, PrintStream, Scheduler)}. */
    public <R> Run<R> run(List<? extends FarmTask<R>> tasks, PrintStream progress) {
        return run(tasks, progress, newScheduler());
    }

    /**
     * A scheduler suited to this farm: a worker thread per worker component in process; one for
     * stage JVMs, where the parent only moves tasks and results.
     */
    public Scheduler newScheduler() {
        return Scheduler.create(separateJvms ? 1 : workers);
    }

    /**
     * Runs {@code tasks} on {@code scheduler}, which must not be running, and waits for every
     * result: a way to watch the run, for example with the introspector.
     *
     * @param progress where to print progress, or null for none
     * @throws IllegalStateException when a worker failed or a result is missing
     */
    public <R> Run<R> run(List<? extends FarmTask<R>> tasks, PrintStream progress, Scheduler scheduler) {
        Collector collector = new Collector();
        Progress tally = new Progress(tasks.size(), progress);
        long start = System.nanoTime();
        new Pipeline(new DataSource(tasks), network(), tally, collector).activate(scheduler);
        scheduler.run();
        long nanos = System.nanoTime() - start;
        if (tally.failure() instanceof ErrorInformation error) {
            throw new IllegalStateException("the farm of " + this + " failed: " + error.message(), error.exception());
        }
        List<Object> collected = collector.collected();
        if (collected.size() != tasks.size()) {
            throw new IllegalStateException("the farm of " + this + " returned " + collected.size() + " results for "
                    + tasks.size() + " tasks");
        }
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) collected;
        return new Run<>(results, nanos);
    }

    @Override
    public String toString() {
        return workers + (separateJvms ? " JVM(s)" : " worker thread(s)");
    }

    /**
     * The results of a run, in arrival order, and its wall time.
     *
     * @param <R> the type of a result
     */
    public record Run<R>(List<R> results, long nanos) {

        /** The wall time in seconds. */
        public double seconds() {
            return nanos / 1e9;
        }
    }
}
