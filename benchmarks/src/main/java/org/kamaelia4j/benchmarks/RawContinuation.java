package org.kamaelia4j.benchmarks;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * A bare {@code jdk.internal.vm.Continuation} whose body yields forever: each {@link #resume()}
 * is one run and one yield, the floor under a {@code GeneratorComponent}'s resume/yield in
 * continuation mode. The {@code generator-resume} workload and the JMH
 * {@code GeneratorResumeBenchmark} measure it in the same JVM as the generator.
 *
 * <pre>{@code
 * RawContinuation c = new RawContinuation();   // needs --add-exports java.base/jdk.internal.vm=ALL-UNNAMED
 * for (int i = 0; i < 1_000_000; i++) {
 *     c.resume();
 * }
 * }</pre>
 *
 * <p>It is reached through method handles adapted to {@code Object} types and called with
 * {@code invokeExact}, as axon-core's own strand does, so that the JIT inlines them and the
 * figure is the continuation's own cost. Use it on one thread only.
 */
public final class RawContinuation {

    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle YIELD;

    static {
        try {
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> continuation = Class.forName("jdk.internal.vm.Continuation");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Object scope = lookup.findConstructor(scopeClass, methodType(void.class, String.class))
                    .invoke("raw-benchmark");
            NEW = MethodHandles.insertArguments(
                            lookup.findConstructor(continuation, methodType(void.class, scopeClass, Runnable.class)),
                            0, scope)
                    .asType(methodType(Object.class, Runnable.class));
            RUN = lookup.findVirtual(continuation, "run", methodType(void.class))
                    .asType(methodType(void.class, Object.class));
            YIELD = MethodHandles.insertArguments(
                    lookup.findStatic(continuation, "yield", methodType(boolean.class, scopeClass)), 0, scope);
        } catch (Throwable t) {
            throw new ExceptionInInitializerError(new IllegalStateException(
                    "RawContinuation needs the JVM flag --add-exports java.base/jdk.internal.vm=ALL-UNNAMED", t));
        }
    }

    private final Object continuation;

    /**
     * A continuation not yet started (the first {@link #resume()} starts it); fails when the JVM
     * does not export {@code jdk.internal.vm}.
     */
    public RawContinuation() {
        try {
            continuation = (Object) NEW.invokeExact((Runnable) RawContinuation::yieldForever);
        } catch (Throwable t) {
            throw new IllegalStateException("could not make a continuation", t);
        }
    }

    /** Runs the body until its next yield. */
    public void resume() {
        try {
            RUN.invokeExact(continuation);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void yieldForever() {
        try {
            while (true) {
                boolean yielded = (boolean) YIELD.invokeExact();
                if (!yielded) {
                    throw new IllegalStateException("the raw continuation is pinned");
                }
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
