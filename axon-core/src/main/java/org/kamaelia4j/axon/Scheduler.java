package org.kamaelia4j.axon;

import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpmcUnboundedXaddArrayQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * Runs microprocesses one time slice at a time (Axon's {@code scheduler}).
 *
 * <pre>{@code
 * Scheduler s = Scheduler.create(1);
 * new Pipeline(new Source(), new Doubler(), new Printer()).activate(s);
 * s.run();                              // returns when every microprocess on s has finished
 * }</pre>
 *
 * <h2>Modes</h2>
 * {@code Scheduler.create(1)} runs everything on the thread that calls {@link #run()}, round-robin
 * in activation order: deterministic, like Axon. {@code Scheduler.create(n)} runs slices on
 * {@code n} worker threads (the caller's thread is one of them); a microprocess still runs on at
 * most one worker at a time. {@link #defaultScheduler()} and {@link Microprocess#run()} use the
 * number of workers given by the system property {@code kamaelia4j.workers}, else one: until the
 * work-stealing scheduler lands, a chain of components passing messages runs fastest on one
 * worker, and several workers pay off for parallel work (see {@code benchmarks/results}).
 *
 * <h2>Running and finishing</h2>
 * {@link #run()} returns once every activated microprocess has finished; a scheduler may be run
 * again afterwards. {@link #run(Duration)} gives up after a timeout and leaves the unfinished
 * microprocesses for a later run. {@link #startInBackground()} runs it on a daemon thread that
 * stays alive while empty, for {@link Handle} and tools, until {@link #stop()}, which stops every
 * microprocess.
 *
 * <h2>How it works</h2>
 * Runnable microprocesses wait in one lock-free FIFO run queue (JCTools). A paused microprocess
 * is in no queue; a wake-up puts it back (see {@link Microprocess}). A worker with nothing to run
 * parks (no spinning, no sleeping); whoever enqueues work after a full fence looks for a parked
 * worker and unparks it, so no wake-up is lost. Nothing here sleeps.
 */
public final class Scheduler {

    private static final Object DEFAULT_LOCK = new Object();
    private static final AtomicLong SERIALS = new AtomicLong();
    private static Scheduler defaultScheduler;

    private final int workers;
    private final long serial = SERIALS.incrementAndGet();
    private final MessagePassingQueue<Microprocess> runQueue;
    private final Set<Microprocess> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger liveCount = new AtomicInteger();
    private final AtomicInteger idle = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final CoordinatingAssistantTracker tracker = new CoordinatingAssistantTracker();
    private volatile Worker[] session;
    private volatile boolean sessionOver;
    private volatile boolean background;

    private Scheduler(int workers) {
        this.workers = workers;
        this.runQueue = workers == 1
                ? new MpscUnboundedXaddArrayQueue<>(256)
                : new MpmcUnboundedXaddArrayQueue<>(256);
    }

    /** The scheduler {@link Microprocess#activate()} uses: one per JVM, made on first use. */
    public static Scheduler defaultScheduler() {
        synchronized (DEFAULT_LOCK) {
            if (defaultScheduler == null) {
                defaultScheduler = create(defaultWorkerCount());
            }
            return defaultScheduler;
        }
    }

    /**
     * A new scheduler with {@code workers} worker threads; 1 runs everything on the caller's
     * thread, deterministically.
     */
    public static Scheduler create(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a scheduler needs at least one worker, got " + workers);
        }
        return new Scheduler(workers);
    }

    /** The system property {@code kamaelia4j.workers}, else 1. */
    static int defaultWorkerCount() {
        return Integer.getInteger("kamaelia4j.workers", 1);
    }

    /** How many worker threads run slices. */
    public int workers() {
        return workers;
    }

    /** Blocks until every activated microprocess has finished (or {@link #stop()}). */
    public void run() {
        runSession(0);
    }

    /**
     * Like {@link #run()}, giving up after {@code timeout}.
     *
     * @return true iff every microprocess finished in time
     */
    public boolean run(Duration timeout) {
        long nanos = Math.max(1, timeout.toNanos());
        return runSession(nanos);
    }

    /** Runs this scheduler on a daemon thread that stays alive, even while empty, until {@link #stop()}. */
    public void startInBackground() {
        if (running.get()) {
            throw new IllegalStateException(this + " is running already");
        }
        background = true;
        Thread thread = new Thread(this::run, "k4j-scheduler-" + serial);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops every microprocess; {@link #run()} returns once they have wound up. */
    public void stop() {
        background = false;
        for (Microprocess mp : live) {
            mp.stop();
        }
        if (liveCount.get() == 0) {
            endSession();
        }
    }

    /** A snapshot of the activated, unfinished microprocesses, paused ones included. */
    public List<Microprocess> microprocesses() {
        return List.copyOf(live);
    }

    /** True when {@code mp} is paused, or is not (or no longer) running on this scheduler. */
    public boolean isPaused(Microprocess mp) {
        return mp == null || mp.scheduler() != this || !live.contains(mp) || mp.isPausedState();
    }

    /** The services and tracked values of the components on this scheduler. */
    public CoordinatingAssistantTracker tracker() {
        return tracker;
    }

    /** True while a thread is inside {@link #run()}. */
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public String toString() {
        return "Scheduler_" + serial + "[workers=" + workers + ", live=" + liveCount.get() + "]";
    }

    // ---- called by Microprocess ----

    void admit(Microprocess mp) {
        live.add(mp);
        liveCount.incrementAndGet();
        enqueue(mp);
    }

    void enqueue(Microprocess mp) {
        runQueue.offer(mp);
        VarHandle.fullFence();
        if (idle.get() > 0) {
            wakeIdleWorker();
        }
    }

    void retire(Microprocess mp) {
        live.remove(mp);
        if (liveCount.decrementAndGet() == 0 && !background) {
            endSession();
        }
    }

    // ---- workers ----

    private boolean runSession(long timeoutNanos) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException(this + " is running already");
        }
        long deadline = timeoutNanos == 0 ? 0 : System.nanoTime() + timeoutNanos;
        Worker[] ws = new Worker[workers];
        try {
            sessionOver = liveCount.get() == 0 && !background;
            if (sessionOver) {
                return true;
            }
            ws[0] = new Worker(Thread.currentThread());
            for (int i = 1; i < workers; i++) {
                Worker w = new Worker(null);
                w.thread = new Thread(() -> work(w, 0), "k4j-worker-" + serial + "-" + i);
                w.thread.setDaemon(true);
                ws[i] = w;
            }
            session = ws;
            for (int i = 1; i < workers; i++) {
                ws[i].thread.start();
            }
            work(ws[0], deadline);
            return liveCount.get() == 0;
        } finally {
            endSession();
            for (int i = 1; i < workers; i++) {
                if (ws[i] != null) {
                    joinUninterruptibly(ws[i].thread);
                }
            }
            session = null;
            running.set(false);
        }
    }

    private void work(Worker w, long deadline) {
        Microprocess mp;
        while ((mp = next(w, deadline)) != null) {
            mp.runSlice();
        }
    }

    private Microprocess next(Worker w, long deadline) {
        for (;;) {
            if (sessionOver || (deadline != 0 && System.nanoTime() - deadline >= 0)) {
                return null;
            }
            Microprocess mp = runQueue.poll();
            if (mp != null) {
                return mp;
            }
            w.parked = true;
            idle.incrementAndGet();
            try {
                mp = runQueue.poll();
                if (mp != null) {
                    return mp;
                }
                if (sessionOver) {
                    return null;
                }
                if (deadline == 0) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, deadline - System.nanoTime());
                }
            } finally {
                idle.decrementAndGet();
                w.parked = false;
            }
            if (!runQueue.isEmpty() && idle.get() > 0) {
                wakeIdleWorker();
            }
        }
    }

    private void wakeIdleWorker() {
        Worker[] ws = session;
        if (ws == null) {
            return;
        }
        for (Worker w : ws) {
            if (w != null && w.parked) {
                LockSupport.unpark(w.thread);
                return;
            }
        }
    }

    private void endSession() {
        sessionOver = true;
        Worker[] ws = session;
        if (ws != null) {
            for (Worker w : ws) {
                if (w != null && w.thread != null) {
                    LockSupport.unpark(w.thread);
                }
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One worker thread of a running session. */
    private static final class Worker {
        volatile Thread thread;
        volatile boolean parked;

        Worker(Thread thread) {
            this.thread = thread;
        }
    }
}
