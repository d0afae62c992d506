package org.kamaelia4j.axon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A microprocess: a unit of work that a {@link Scheduler} runs one time slice at a time (Axon's
 * {@code microprocess}).
 *
 * <p>In Axon a microprocess is a Python generator: {@code main()} loops and {@code yield}s to let
 * others run. Java has no generators, so here {@link #main()} is <em>one</em> time slice: the
 * body of that loop. The scheduler calls it again and again; its {@link Step} result says whether
 * to run again ({@code CONTINUE}), to sleep until woken ({@code PAUSE}) or that it is finished
 * ({@code DONE}). State that lives across slices lives in fields.
 *
 * <pre>{@code
 * final class Countdown extends Microprocess {
 *     private int n = 3;
 *     protected Step main() {
 *         System.out.println(n);
 *         return --n == 0 ? Step.DONE : Step.CONTINUE;
 *     }
 * }
 * new Countdown().run();   // prints 3, 2, 1
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * {@link #activate()} hands the microprocess to a scheduler, once. {@link #pause()} asks to sleep
 * after the current slice; {@link #unpause()} wakes it from any thread. {@link #stop()} is
 * irreversible: no further slices run. {@link #isStopped()} is true once it has finished, whether
 * by returning {@code DONE}, by throwing (the exception is logged at WARN; components also send
 * {@code ErrorInformation} on {@code signal}) or by being stopped.
 *
 * <h2>How it works</h2>
 * One atomic state word guards "at most one worker runs it" and "no lost wake-up": a wake that
 * arrives while a slice runs marks the state {@code RUNNING_WOKEN}, and the end of that slice then
 * requeues the microprocess even if it asked to pause. A paused microprocess sits in no queue and
 * costs only its memory.
 */
public abstract class Microprocess {

    private static final Logger LOG = LoggerFactory.getLogger(Microprocess.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    static final int NEW = 0;
    static final int QUEUED = 1;
    static final int RUNNING = 2;
    static final int RUNNING_WOKEN = 3;
    static final int PAUSED = 4;
    static final int DONE = 5;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Microprocess.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Read as unsigned: an int keeps an idle component within its memory budget. */
    private final int id = IDS.incrementAndGet();
    private volatile Scheduler scheduler;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = NEW;
    private volatile boolean pauseRequested;
    private volatile boolean stopRequested;
    private boolean started;
    /** Counters for introspection; null unless {@link Instrumentation} is on. */
    Instrumentation.Stats stats;
    /** Where its scheduler's {@link LiveSet} holds it, or -1; written under that set's lock. */
    int liveSlot = -1;

    /** A new microprocess; it does nothing until activated. */
    protected Microprocess() {
    }

    /** Unique among the first 2^32 microprocesses made in this JVM (then the count wraps). */
    public final long id() {
        return Integer.toUnsignedLong(id);
    }

    /** {@code <SimpleClassName>_<id>}, as in Axon. */
    public String name() {
        String simple = getClass().getSimpleName();
        if (simple.isEmpty()) {
            String full = getClass().getName();
            simple = full.substring(full.lastIndexOf('.') + 1);
        }
        return simple + "_" + id;
    }

    /** Activates this microprocess on {@link Scheduler#defaultScheduler()}. */
    public Microprocess activate() {
        return activate(Scheduler.defaultScheduler());
    }

    /**
     * Hands this microprocess to {@code s}; it runs when {@code s} runs.
     *
     * @throws IllegalStateException when it was activated already
     */
    public Microprocess activate(Scheduler s) {
        if (s == null) {
            throw new NullPointerException(name() + ".activate: the scheduler must be non-null");
        }
        synchronized (this) {
            if (scheduler != null) {
                throw new IllegalStateException(name() + " is activated already, on " + scheduler);
            }
            scheduler = s;
        }
        STATE.setVolatile(this, QUEUED);
        Instrumentation.activated(this);
        s.admit(this);
        return this;
    }

    /**
     * One time slice: the body of Axon's {@code while 1: ... yield}. Called again and again by
     * the scheduler, never concurrently with itself.
     */
    protected abstract Step main() throws Exception;

    /**
     * Sleeps after the current slice until woken by {@link #unpause()}, a delivery or a child
     * finishing. Does nothing on a microprocess that was never activated.
     */
    public final void pause() {
        if (scheduler != null) {
            requestPause();
        }
    }

    /** Wakes this microprocess; callable from any thread; a no-op if it is not paused. */
    public final void unpause() {
        if (scheduler != null) {
            wake();
        }
    }

    /** Irreversibly stops this microprocess: no slice starts after this call. */
    public final void stop() {
        stopRequested = true;
        stopping();
        if (scheduler != null) {
            schedule();
        }
    }

    /** True once this microprocess has finished, or was stopped. */
    public final boolean isStopped() {
        return stopRequested || state == DONE;
    }

    /** The scheduler it was activated on, or null before activation. */
    public final Scheduler scheduler() {
        return scheduler;
    }

    /** Activates this microprocess on a fresh scheduler and blocks until everything on it finished. */
    public void run() {
        Scheduler s = Scheduler.create(Scheduler.defaultWorkerCount());
        activate(s);
        s.run();
    }

    @Override
    public String toString() {
        return name();
    }

    // ---- hooks for subclasses in this package ----

    /** What {@link #pause()} does; a threaded component blocks its own thread instead. */
    void requestPause() {
        pauseRequested = true;
    }

    /** What {@link #unpause()} and deliveries do: make the next slice happen. */
    void wake() {
        schedule();
    }

    /** Called on the scheduler just before each slice. */
    void beginSlice() {
    }

    /** Called on the scheduler just after each slice, also when it threw. */
    void endSlice() {
    }

    /** Called once, on the scheduler, before the first slice. */
    void starting() throws Exception {
    }

    /** Called by {@link #stop()}, on the stopping thread. */
    void stopping() {
    }

    /**
     * Called once, on the scheduler, when this microprocess finishes, before it counts as
     * finished: whatever it sends here is out before anyone sees {@link #isStopped()}.
     *
     * @param failure what {@code main()} threw, or null
     */
    void finished(Throwable failure) {
        if (failure != null) {
            LOG.warn("{} failed and was finished", name(), failure);
        }
    }

    /** Called once, on the scheduler, just after this microprocess counts as finished. */
    void done() {
    }

    // ---- the state machine, driven by the scheduler ----

    /** Puts this microprocess in its scheduler's run queue unless it is queued, running or done. */
    final void schedule() {
        if (pauseRequested) {
            pauseRequested = false; // a wake after pause() and before the slice ended wins
        }
        for (;;) {
            int s = state;
            if (s == PAUSED) {
                if (STATE.compareAndSet(this, PAUSED, QUEUED)) {
                    scheduler.enqueueWoken(this);
                    return;
                }
            } else if (s == RUNNING) {
                if (STATE.compareAndSet(this, RUNNING, RUNNING_WOKEN)) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    final boolean isPausedState() {
        return state == PAUSED;
    }

    /**
     * Runs one slice; called by a worker that took this microprocess from a run queue.
     *
     * @return true when it is to run again: it is then {@code QUEUED}, and the worker must queue
     *         it or run it next
     */
    final boolean runSlice() {
        STATE.setVolatile(this, RUNNING);
        Instrumentation.Stats st = stats;
        Step step;
        try {
            if (stopRequested) {
                finish(null);
                return false;
            }
            long sample = 0;
            if (st != null) {
                if (st.held) {
                    return sleepHeld();
                }
                sample = st.sliceStarts();
            }
            beginSlice();
            try {
                if (!started) {
                    started = true;
                    starting();
                }
                step = main();
            } finally {
                endSlice();
                if (st != null) {
                    st.sliceEnds(sample);
                }
            }
            if (step == null) {
                throw new IllegalStateException(name() + ".main() returned null; return a Step");
            }
        } catch (Throwable t) {
            finish(t);
            return false;
        }
        if (step == Step.DONE || stopRequested) {
            finish(null);
            return false;
        }
        boolean requested = pauseRequested;
        if (requested) {
            pauseRequested = false; // a request made after the read above stays for the next slice
        }
        if ((step == Step.PAUSE || requested) && STATE.compareAndSet(this, RUNNING, PAUSED)) {
            return false;
        }
        // release suffices: the worker publishes the microprocess (run queue) or runs it itself
        // after this store, and a waker that still reads RUNNING marks it RUNNING_WOKEN, which
        // this store replaces: either way the wake-up is this next slice
        STATE.setRelease(this, QUEUED);
        return true;
    }

    /** A held microprocess runs no slice: it goes back to sleep unless woken meanwhile. */
    private boolean sleepHeld() {
        if (STATE.compareAndSet(this, RUNNING, PAUSED)) {
            return false;
        }
        STATE.setRelease(this, QUEUED);
        return true;
    }

    private void finish(Throwable failure) {
        try {
            finished(failure);
        } catch (Throwable t) {
            LOG.warn("{} failed while finishing", name(), t);
        } finally {
            STATE.setVolatile(this, DONE);
            try {
                done();
                Instrumentation.finished(this, failure);
            } finally {
                scheduler.retire(this);
            }
        }
    }
}
