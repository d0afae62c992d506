package org.kamaelia4j.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.GeneratorComponent;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.benchmarks.RawContinuation;
import org.kamaelia4j.benchmarks.Slices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One {@code yieldNow()} and resume of a {@link GeneratorComponent} in continuation mode, against
 * the floor under it: one {@code run()} and {@code yield} of a bare {@code jdk.internal.vm.Continuation},
 * and one slice of a plain component returning {@code Step.CONTINUE}. A generator's round trip
 * costs about the sum of the two.
 *
 * <pre>
 * ./k4j bench jmh GeneratorResume
 * </pre>
 *
 * <p>The generator and plain-slice benchmarks run {@value #BATCH} round trips on a fresh
 * one-worker scheduler per invocation (a slice can only be driven by a scheduler), reported per
 * round trip; making the scheduler and the component is a few microseconds, well under 1% of
 * that. The fork gets {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} so that
 * continuations are available.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED")
public class GeneratorResumeBenchmark {

    /** Round trips per invocation of the scheduler-driven benchmarks. */
    public static final int BATCH = 100_000;

    private RawContinuation raw;

    /** A continuation that yields forever, resumed once per {@link #rawContinuation()}. */
    @Setup
    public void setUp() {
        raw = new RawContinuation();
    }

    /** One resume and yield of a bare JDK continuation: the floor. */
    @Benchmark
    public void rawContinuation() {
        raw.resume();
    }

    /** One {@code yieldNow()} and resume of a generator component on one worker. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void generatorYield() {
        runAlone(new Slices.Yielder(BATCH, GeneratorComponent.Mode.CONTINUATION));
    }

    /** One slice of a plain component returning {@code Step.CONTINUE} on one worker. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void plainSlice() {
        runAlone(new Slices.Slicer(BATCH));
    }

    private static void runAlone(Component c) {
        Scheduler s = Scheduler.create(1);
        c.activate(s);
        s.run();
    }
}
