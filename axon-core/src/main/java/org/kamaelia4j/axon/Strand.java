package org.kamaelia4j.axon;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A body of straight-line code that can be suspended and resumed: what a
 * {@link GeneratorComponent} runs its {@code body()} on.
 *
 * <p>Two implementations. {@link OnContinuation} mounts the body on the JDK's own one-shot
 * delimited continuation ({@code jdk.internal.vm.Continuation}, the machinery under virtual
 * threads) on the worker's thread: a resume or a suspend costs about a hundred nanoseconds and no
 * thread hand-off. It needs {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}; without
 * it {@link OnVirtualThread} runs the body on a virtual thread and hands control back and forth
 * with park/unpark, so that still only one of the two runs at a time.
 */
abstract sealed class Strand permits Strand.OnContinuation, Strand.OnVirtualThread {

    private static final Logger LOG = LoggerFactory.getLogger(Strand.class);

    /** Unwinds a virtual-thread body whose component finished while it was suspended. */
    static final class Abandoned extends Error {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("the component finished while its body was suspended", null, false, false);
        }
    }

    /**
     * Resumes the body until it suspends or ends.
     *
     * @return true when the body has ended
     */
    abstract boolean resume();

    /** Called from inside the body: gives control back to {@link #resume()}'s caller. */
    abstract void suspend();

    /** The component finished: release whatever a suspended body holds. */
    abstract void abandon();

    static Strand create(GeneratorComponent.Mode mode, Runnable body) {
        return switch (mode) {
            case CONTINUATION -> {
                if (!OnContinuation.AVAILABLE) {
                    throw new IllegalStateException("GeneratorComponent.Mode.CONTINUATION needs the JVM flag "
                            + "--add-exports java.base/jdk.internal.vm=ALL-UNNAMED");
                }
                yield new OnContinuation(body);
            }
            case VIRTUAL_THREAD -> new OnVirtualThread(body);
            case AUTO -> OnContinuation.AVAILABLE ? new OnContinuation(body) : new OnVirtualThread(body);
        };
    }

    /**
     * The body on {@code jdk.internal.vm.Continuation}, reached through method handles.
     *
     * <p>The handles are adapted once to {@code Object} types and called with {@code invokeExact},
     * so that the JIT inlines them down to the continuation's own methods: a generic
     * {@code invoke} would convert the types on every call, through an adapter the JIT does not
     * fold, at about a third of the cost of the resume itself.
     */
    static final class OnContinuation extends Strand {

        static final boolean AVAILABLE;
        /** {@code (Runnable) Object}: a new continuation in our scope. */
        private static final MethodHandle NEW;
        /** {@code (Object) void}: {@code Continuation.run()}. */
        private static final MethodHandle RUN;
        /** {@code () boolean}: {@code Continuation.yield(ourScope)}. */
        private static final MethodHandle YIELD;
        /** {@code (Object) boolean}: {@code Continuation.isDone()}. */
        private static final MethodHandle IS_DONE;

        static {
            MethodHandle make = null;
            MethodHandle run = null;
            MethodHandle yield = null;
            MethodHandle isDone = null;
            boolean available;
            try {
                Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
                Class<?> continuation = Class.forName("jdk.internal.vm.Continuation");
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                Object scope = lookup.findConstructor(scopeClass, methodType(void.class, String.class))
                        .invoke("kamaelia4j");
                make = MethodHandles.insertArguments(
                                lookup.findConstructor(continuation, methodType(void.class, scopeClass, Runnable.class)),
                                0, scope)
                        .asType(methodType(Object.class, Runnable.class));
                run = lookup.findVirtual(continuation, "run", methodType(void.class))
                        .asType(methodType(void.class, Object.class));
                yield = MethodHandles.insertArguments(
                        lookup.findStatic(continuation, "yield", methodType(boolean.class, scopeClass)), 0, scope);
                isDone = lookup.findVirtual(continuation, "isDone", methodType(boolean.class))
                        .asType(methodType(boolean.class, Object.class));
                available = true;
            } catch (Throwable unavailable) {
                available = false;
            }
            AVAILABLE = available;
            NEW = make;
            RUN = run;
            YIELD = yield;
            IS_DONE = isDone;
            if (available) {
                LOG.info("GeneratorComponent bodies run on jdk.internal.vm.Continuation");
            } else {
                LOG.info("GeneratorComponent bodies run on virtual threads (start the JVM with "
                        + "--add-exports java.base/jdk.internal.vm=ALL-UNNAMED for continuations)");
            }
        }

        private final Object continuation;

        OnContinuation(Runnable body) {
            try {
                continuation = (Object) NEW.invokeExact(body);
            } catch (Throwable t) {
                throw new IllegalStateException("could not make a continuation", t);
            }
        }

        @Override
        boolean resume() {
            try {
                RUN.invokeExact(continuation);
                return (boolean) IS_DONE.invokeExact(continuation);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        void suspend() {
            boolean yielded;
            try {
                yielded = (boolean) YIELD.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            if (!yielded) {
                throw new IllegalStateException("a GeneratorComponent body cannot suspend here: it is pinned "
                        + "(inside synchronized or a native frame)");
            }
        }

        @Override
        void abandon() {
            // an unmounted continuation holds only heap; it goes with the component
        }
    }

    /** The body on a virtual thread; the worker waits while it runs, and it waits while the worker runs. */
    static final class OnVirtualThread extends Strand {

        private final Runnable body;
        private volatile Thread bodyThread;
        private volatile Thread resumer;
        private volatile boolean bodysTurn;
        private volatile boolean ended;
        private volatile boolean abandoned;

        OnVirtualThread(Runnable body) {
            this.body = body;
        }

        @Override
        boolean resume() {
            resumer = Thread.currentThread();
            bodysTurn = true;
            Thread t = bodyThread;
            if (t == null) {
                t = Thread.ofVirtual().name("k4j-generator").unstarted(this::runBody);
                bodyThread = t;
                t.start();
            } else {
                LockSupport.unpark(t);
            }
            while (bodysTurn) {
                LockSupport.park(this);
            }
            return ended;
        }

        private void runBody() {
            try {
                if (!abandoned) {
                    body.run();
                }
            } catch (Abandoned unwound) {
                // the component is gone; nothing to report
            } finally {
                ended = true;
                handBack();
            }
        }

        @Override
        void suspend() {
            handBack();
            while (!bodysTurn && !abandoned) {
                LockSupport.park(this);
            }
            if (abandoned) {
                throw new Abandoned();
            }
        }

        private void handBack() {
            bodysTurn = false;
            LockSupport.unpark(resumer);
        }

        @Override
        void abandon() {
            abandoned = true;
            Thread t = bodyThread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }
}
