package org.kamaelia4j.axon;

import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
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
 * in activation order except that a microprocess its slices wake runs right after the waking slice
 * (most of the time): deterministic, like Axon. {@code Scheduler.create(n)} runs slices on
 * {@code n} worker threads (the caller's thread is one of them); a microprocess still runs on at
 * most one worker at a time. {@link #defaultScheduler()} and {@link Microprocess#run()} use the
 * number of workers given by the system property {@code kamaelia4j.workers}, else the number of
 * processors. A woken component runs on the worker that woke it when it can, so a chain passing
 * messages mostly stays on one worker while idle workers steal (see {@code benchmarks/results};
 * {@code -Dkamaelia4j.workers=1} gives Axon's deterministic single thread).
 *
 * <h2>Running and finishing</h2>
 * {@link #run()} returns once every activated microprocess has finished; a scheduler may be run
 * again afterwards. {@link #run(Duration)} gives up after a timeout and leaves the unfinished
 * microprocesses for a later run. {@link #startInBackground()} runs it on a daemon thread that
 * stays alive while empty, for {@link Handle} and tools, until {@link #stop()}, which stops every
 * microprocess.
 *
 * <h2>How it works</h2>
 * Runnable microprocesses wait in their worker's FIFO run queue: lock-free (JCTools) when there
 * are several workers, so that idle ones can steal, and a plain array deque that only its thread
 * touches when there is one; other threads wake microprocesses through a lock-free injection
 * queue. A paused microprocess is in no queue; a wake-up puts it back (see {@link Microprocess}).
 * A worker with nothing to run parks (no spinning, no sleeping); whoever enqueues work after a
 * full fence looks for a parked worker and unparks it, so no wake-up is lost. Nothing here sleeps.
 * A microprocess whose slice asks for another one while nothing else waits for its worker runs
 * again at once, without the round trip through the queue (it would come straight back out).
 */
public final class Scheduler {

    private static final Object DEFAULT_LOCK = new Object();
    private static final AtomicLong SERIALS = new AtomicLong();
    /** How often a one-worker scheduler's next slot is passed over for its run queue (a power of 2). */
    private static final int NEXT_SLOT_TURNS = 16;
    /** The worker slot the current thread is running, if it is a scheduler's worker. */
    private static final ThreadLocal<Worker> CURRENT = new ThreadLocal<>();
    private static Scheduler defaultScheduler;

    private final int workers;
    private final long serial = SERIALS.incrementAndGet();
    /** Runnable microprocesses woken from threads that are not this scheduler's workers. */
    private final MessagePassingQueue<Microprocess> injected;
    private final Worker[] slots;
    private final LiveSet live;
    private final AtomicInteger liveCount = new AtomicInteger();
    private final AtomicInteger idle = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final CoordinatingAssistantTracker tracker = new CoordinatingAssistantTracker();
    private volatile boolean inSession;
    private volatile boolean sessionOver;
    private volatile boolean background;

    private Scheduler(int workers) {
        this.workers = workers;
        this.injected = workers == 1
                ? new MpscUnboundedXaddArrayQueue<>(256)
                : new MpmcUnboundedXaddArrayQueue<>(256);
        this.live = new LiveSet(workers == 1 ? 1 : 4 * workers);
        this.slots = new Worker[workers];
        for (int i = 0; i < workers; i++) {
            slots[i] = new Worker(this, workers == 1 ? new ArrayDeque<>(64) : new MpmcUnboundedXaddArrayQueue<>(64));
        }
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

    /** The system property {@code kamaelia4j.workers}, else the number of processors. */
    static int defaultWorkerCount() {
        return Integer.getInteger("kamaelia4j.workers", Runtime.getRuntime().availableProcessors());
    }

    /** How many worker threads run slices. */
    public int workers() {
        return workers;
    }

    /**
     * Blocks until every activated microprocess has finished (or {@link #stop()}). If the calling
     * thread is interrupted while nothing is runnable, it returns early with the interrupt flag
     * still set, leaving the unfinished microprocesses for a later run.
     */
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
        for (Microprocess mp : live.snapshot()) {
            mp.stop();
        }
        if (liveCount.get() == 0) {
            endSession();
        }
    }

    /** A snapshot of the activated, unfinished microprocesses, paused ones included. */
    public List<Microprocess> microprocesses() {
        return List.copyOf(live.snapshot());
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

    /**
     * Makes {@code mp} runnable: on the calling worker's own queue when a worker of this scheduler
     * wakes it (it then runs where its messages are warm in cache), else on the injection queue.
     */
    void enqueue(Microprocess mp) {
        Worker w = workers == 1 ? soleWorkerHere() : CURRENT.get();
        if (w != null && w.scheduler == this) {
            enqueueOn(w, mp);
        } else {
            injected.offer(mp);
            wakeIdleWorkerAfterFence();
        }
    }

    /**
     * Puts {@code mp} on the run queue of {@code w}, the calling thread's worker. When that queue
     * was empty, nobody is woken: this worker, busy with the current slice, runs it next, and
     * unparking another worker to steal it would only bounce it (and its messages) between cores.
     * Once the queue holds more, this and {@link #find} wake idle workers again.
     */
    private void enqueueOn(Worker w, Microprocess mp) {
        boolean alone = workers == 1 || w.local.isEmpty();
        w.local.offer(mp);
        if (!alone) {
            wakeIdleWorkerAfterFence();
        }
    }

    /** Wakes a parked worker, if any, after a full fence that publishes what was just queued. */
    private void wakeIdleWorkerAfterFence() {
        VarHandle.fullFence();
        if (idle.get() > 0) {
            wakeIdleWorker();
        }
    }

    /**
     * Makes {@code mp}, just woken, runnable. On a one-worker scheduler woken by its own worker it
     * goes to the worker's next slot and runs as soon as the current slice ends, with the message
     * that woke it still warm in cache (Go's and Tokio's LIFO slot): a message hop then costs no
     * run-queue traffic. A microprocess the slot held already goes to the back of the run queue.
     */
    void enqueueWoken(Microprocess mp) {
        if (workers == 1) {
            Worker w = soleWorkerHere();
            if (w != null) {
                Microprocess previous = w.next;
                w.next = mp;
                if (previous != null) {
                    w.local.offer(previous);
                }
                return;
            }
        }
        enqueue(mp);
    }

    /**
     * A one-worker scheduler's worker when the calling thread is running it, else null: a field
     * compare instead of a thread-local lookup on every wake-up. Only the worker's thread writes
     * {@link Worker#runner}, so a thread never sees itself there unless it is running the worker.
     */
    private Worker soleWorkerHere() {
        Worker w = slots[0];
        return w.runner == Thread.currentThread() ? w : null;
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
        Thread[] helpers = new Thread[workers];
        try {
            sessionOver = liveCount.get() == 0 && !background;
            if (sessionOver) {
                return true;
            }
            Instrumentation.schedulerStarting(this);
            slots[0].thread = Thread.currentThread();
            for (int i = 1; i < workers; i++) {
                Worker w = slots[i];
                helpers[i] = new Thread(() -> work(w, 0), "k4j-worker-" + serial + "-" + i);
                helpers[i].setDaemon(true);
                w.thread = helpers[i];
            }
            inSession = true;
            for (int i = 1; i < workers; i++) {
                helpers[i].start();
            }
            work(slots[0], deadline);
            return liveCount.get() == 0;
        } finally {
            endSession();
            for (int i = 1; i < workers; i++) {
                if (helpers[i] != null) {
                    joinUninterruptibly(helpers[i]);
                }
            }
            for (Worker w : slots) {
                if (w.next != null) {
                    injected.offer(w.next);
                    w.next = null;
                }
                for (Microprocess mp; (mp = w.local.poll()) != null; ) {
                    injected.offer(mp);   // the next session shares them out afresh
                }
            }
            inSession = false;
            running.set(false);
        }
    }

    private void work(Worker w, long deadline) {
        CURRENT.set(w);
        w.runner = Thread.currentThread();
        try {
            Microprocess mp = next(w, deadline);
            while (mp != null) {
                mp = mp.runSlice() ? again(w, mp, deadline) : next(w, deadline);
            }
        } finally {
            w.runner = null;
            CURRENT.remove();
        }
    }

    private Microprocess next(Worker w, long deadline) {
        for (;;) {
            if (sessionOver || (deadline != 0 && System.nanoTime() - deadline >= 0)) {
                return null;
            }
            Microprocess mp = find(w);
            if (mp != null) {
                return mp;
            }
            w.parked = true;
            idle.incrementAndGet();
            try {
                mp = find(w);
                if (mp != null) {
                    return mp;
                }
                if (sessionOver) {
                    return null;
                }
                if (Thread.interrupted()) {
                    // park returns at once while the flag is set: never spin on it. The caller of
                    // run() takes it as a request to return (keeping the flag); a helper ignores it.
                    if (w == slots[0]) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                    continue;
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
        }
    }

    /**
     * The next microprocess for {@code w} after {@code mp}'s slice asked for another one: {@code mp}
     * itself, without a trip through the run queue, when nothing else waits for this worker (its
     * next slot, its own queue and the injection queue are empty, so queueing it would give it
     * straight back).
     * Otherwise {@code mp} goes to the back of the worker's queue, behind what other threads woke
     * meanwhile; so does it every 64th slice, so that {@link #find} still steals now and then.
     */
    private Microprocess again(Worker w, Microprocess mp, long deadline) {
        int tick = w.ticks + 1;   // counted here when mp runs again, else by find
        if ((tick & 63) != 0 && w.next == null && w.local.isEmpty() && !sessionOver
                && (deadline == 0 || System.nanoTime() - deadline < 0)) {
            if (injected.isEmpty()) {
                w.ticks = tick;
                return mp;
            }
            takeInjected(w);
        }
        enqueueOn(w, mp);
        return next(w, deadline);
    }

    /** Moves a fair share of what other threads woke to {@code w}'s own queue. */
    private void takeInjected(Worker w) {
        injected.drain(w.local::offer, injected.size() / workers + 1);
    }

    /**
     * The next microprocess for {@code w}: from its own queue, taking in a fair share of what
     * other threads woke every so often (and whenever its own queue is empty) so that nothing
     * waits for long; now and then, and whenever it has nothing, taken from another worker, so
     * that a worker the OS has descheduled does not hold work up.
     */
    private Microprocess find(Worker w) {
        int tick = ++w.ticks;
        Microprocess next = w.next;
        if (next != null) {
            w.next = null;
            if ((tick & (NEXT_SLOT_TURNS - 1)) != 0) {
                return next;
            }
            w.local.offer(next);   // now and then the queued ones get a turn
        }
        if ((tick & 31) == 0 || w.local.isEmpty()) {
            takeInjected(w);
        }
        Microprocess mp = (tick & 63) == 0 ? steal(w) : null;
        if (mp == null) {
            mp = w.local.poll();
        }
        if (mp != null) {
            if (workers > 1 && idle.get() > 0 && !w.local.isEmpty()) {
                wakeIdleWorker();
            }
            return mp;
        }
        return steal(w);
    }

    private Microprocess steal(Worker thief) {
        for (Worker victim : slots) {
            Microprocess mp;
            if (victim != thief && (mp = victim.local.poll()) != null) {
                return mp;
            }
        }
        return null;
    }

    private void wakeIdleWorker() {
        if (!inSession) {
            return;
        }
        for (Worker w : slots) {
            if (w.parked) {
                LockSupport.unpark(w.thread);
                return;
            }
        }
    }

    private void endSession() {
        sessionOver = true;
        for (Worker w : slots) {
            Thread t = w.thread;
            if (t != null) {
                LockSupport.unpark(t);
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

    /** A worker slot: its run queue outlives sessions; its thread is the one running it now. */
    private static final class Worker {
        final Scheduler scheduler;
        /**
         * Its FIFO run queue. With several workers a lock-free one, as its thieves poll it too; a
         * scheduler's only worker has a plain deque: nobody steals from it, other threads wake
         * microprocesses through the injection queue, so only the thread running the session
         * touches it (sessions follow one another through {@code running}).
         */
        final Queue<Microprocess> local;
        /** A one-worker scheduler's just-woken microprocess, run next; only the worker's thread touches it. */
        Microprocess next;
        volatile Thread thread;
        /** The thread inside {@link #work} for this worker, else null; written only by that thread. */
        Thread runner;
        volatile boolean parked;
        int ticks;

        Worker(Scheduler scheduler, Queue<Microprocess> local) {
            this.scheduler = scheduler;
            this.local = local;
        }
    }
}
