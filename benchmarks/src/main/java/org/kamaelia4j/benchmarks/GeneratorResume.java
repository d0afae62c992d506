package org.kamaelia4j.benchmarks;

import java.util.List;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.GeneratorComponent;
import org.kamaelia4j.axon.GeneratorComponent.Mode;
import org.kamaelia4j.axon.Scheduler;

/**
 * One {@code yieldNow()} of a {@link GeneratorComponent}: suspend, back through the scheduler,
 * resume. Measured on continuations and on the virtual-thread fallback, against the same loop
 * written as a plain component returning {@code Step.CONTINUE} (the cost of a bare slice) and
 * against a bare JDK continuation's run and yield ({@link RawContinuation}): a generator's round
 * trip costs about a slice plus a raw resume/yield.
 */
final class GeneratorResume implements Workload {

    @Override
    public String name() {
        return "generator-resume";
    }

    @Override
    public String title() {
        return "GeneratorComponent: one yieldNow() and resume on one worker, ns per round trip";
    }

    @Override
    public Unit unit() {
        return Unit.NS_PER_OP;
    }

    @Override
    public String target() {
        return "<= 150 ns per resume/yield in continuation mode";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 1_000_000 : 5_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J GeneratorComponent, continuations", true,
                        n -> time(n, new Slices.Yielder(n, Mode.CONTINUATION))),
                new Contender("Kamaelia4J GeneratorComponent, virtual threads", false,
                        n -> time(n, new Slices.Yielder(n, Mode.VIRTUAL_THREAD))),
                new Contender("Kamaelia4J plain Component slice (CONTINUE)", false,
                        n -> time(n, new Slices.Slicer(n))),
                new Contender("raw jdk.internal.vm.Continuation run + yield (the floor)", false, GeneratorResume::raw));
    }

    private static double raw(long n) {
        RawContinuation c = new RawContinuation();
        long start = System.nanoTime();
        for (long i = 0; i < n; i++) {
            c.resume();
        }
        return (double) (System.nanoTime() - start) / n;
    }

    private static double time(long n, Component c) {
        Scheduler s = Scheduler.create(1);
        c.activate(s);
        long start = System.nanoTime();
        s.run();
        return (double) (System.nanoTime() - start) / n;
    }
}
