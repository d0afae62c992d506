package org.kamaelia4j.axon;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.jctools.queues.MpscArrayQueue;

/**
 * A component whose body runs on its own (virtual) thread, for code that blocks: file and socket
 * I/O, {@code Thread.sleep}, a library call that takes its time (Axon's
 * {@code threadedcomponent}).
 *
 * <pre>{@code
 * final class LineReader extends ThreadedComponent {
 *     protected void threadMain() throws Exception {
 *         try (BufferedReader in = Files.newBufferedReader(path)) {
 *             for (String line; (line = in.readLine()) != null; ) {
 *                 send(line);                          // queued; the scheduler delivers it
 *             }
 *         }
 *         send(new ProducerFinished(this, null), SIGNAL);
 *     }
 * }
 * }</pre>
 *
 * <h2>How it works</h2>
 * {@link #threadMain()} runs once, on a virtual thread started by the first slice. Inside it,
 * {@code recv} and {@code dataReady} read the inboxes directly and never block; {@code pause()}
 * blocks the thread until a message arrives or someone calls {@code unpause()} (a wake that came
 * before the pause is not lost). {@code send} does not deliver from the thread: it puts the message
 * in an outgoing queue (capacity 1000 by default) and wakes the scheduler side, whose slices move
 * queued messages to their destinations in order. When that queue is full, {@code send} throws
 * {@link BoxFullException}; the thread may then {@code pause()}, and is woken as soon as the
 * scheduler side has moved messages on. When a destination inbox is full, the scheduler side holds the message
 * and retries once that inbox has room. The component finishes after {@code threadMain()} has
 * returned and every queued message has been delivered. If {@code threadMain()} throws, the queued
 * output is delivered first, then {@code ErrorInformation} goes out on {@code signal}.
 *
 * <p>{@code stop()} interrupts the thread; {@code pause()} then returns at once, so a loop should
 * check {@code isStopped()}.
 */
public abstract class ThreadedComponent extends Component {

    /** The default capacity of the outgoing queue. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1000;

    private final MpscArrayQueue<Envelope> outgoing;
    private final int outgoingCapacity;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean threadDone;
    private volatile Throwable threadFailure;
    /** Set by the thread when it found the outgoing queue full; main() wakes it after making room. */
    private volatile boolean waitingForRoom;

    /** A threaded component with the standard boxes. */
    protected ThreadedComponent() {
        this(Boxes.standard());
    }

    /** A threaded component with the declared boxes. */
    protected ThreadedComponent(Boxes boxes) {
        this(boxes, DEFAULT_QUEUE_CAPACITY);
    }

    /** A threaded component with the declared boxes and an outgoing queue of the given capacity. */
    protected ThreadedComponent(Boxes boxes, int outgoingCapacity) {
        super(boxes);
        if (outgoingCapacity < 1) {
            throw new IllegalArgumentException("the outgoing queue needs room for at least one message, got "
                    + outgoingCapacity);
        }
        this.outgoingCapacity = outgoingCapacity;
        this.outgoing = new MpscArrayQueue<>(outgoingCapacity);
    }

    /** The component's body, run once on its own thread. */
    protected abstract void threadMain() throws Exception;

    /**
     * From the component's thread, queues the message for delivery by the scheduler side.
     *
     * @throws BoxFullException when the outgoing queue is full; the message was not queued
     */
    @Override
    public void send(Object msg, String outbox) {
        if (Thread.currentThread() != thread) {
            super.send(msg, outbox);
            return;
        }
        Outbox box = outboxBox(outbox);
        if (msg == null) {
            throw new NullPointerException(name() + ": null message for outbox '" + outbox
                    + "'; messages must be non-null");
        }
        Envelope envelope = new Envelope(box, msg);
        if (!queue(envelope)) {
            // Announce the wait before looking again: main() either sees the flag after its drain
            // and wakes us, or drained before our second look, which then finds room.
            waitingForRoom = true;
            VarHandle.fullFence();
            if (!queue(envelope)) {
                throw new BoxFullException("the outgoing queue of " + name() + " is full (" + outgoingCapacity
                    + " messages) sending on '" + outbox + "'; the message was not queued",
                        outgoing.size(), outgoingCapacity);
            }
        }
        schedule();
    }

    /** Queues for main() to deliver; the queue's own capacity is rounded up to a power of two. */
    private boolean queue(Envelope envelope) {
        return outgoing.size() < outgoingCapacity && outgoing.offer(envelope);
    }

    /** The scheduler side: start the thread, deliver queued output, finish when all is done. */
    @Override
    protected final Step main() throws Exception {
        if (thread == null) {
            thread = Thread.ofVirtual().name(name()).unstarted(this::runThread);
            thread.start();
        }
        boolean done = threadDone;
        boolean moved = false;
        try {
            for (Envelope next; (next = outgoing.peek()) != null; outgoing.poll()) {
                deliverVia(next.box, next.message);
                moved = true;
            }
        } catch (BoxFullException full) {
            return Step.PAUSE;
        } finally {
            if (moved) {
                wakeThreadWaitingForRoom();
            }
        }
        if (done) {
            Throwable failure = threadFailure;
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    private void wakeThreadWaitingForRoom() {
        VarHandle.fullFence();
        if (waitingForRoom) {
            waitingForRoom = false;
            wakeThread();
        }
    }

    private void runThread() {
        try {
            threadMain();
        } catch (Throwable t) {
            threadFailure = t;
        } finally {
            threadDone = true;
            schedule();
        }
    }

    @Override
    void requestPause() {
        if (Thread.currentThread() != thread) {
            super.requestPause();
            return;
        }
        while (!wakePending.getAndSet(false) && !isStopped()) {
            LockSupport.park(this);
        }
    }

    /** The thread reads the inboxes at any time: it always sees them live. */
    @Override
    void beginSlice() {
    }

    @Override
    void endSlice() {
    }

    @Override
    void wake() {
        wakeThread();
        schedule();
    }

    @Override
    void delivered(Inbox inbox) {
        wakeThread();
    }

    @Override
    void stopping() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            LockSupport.unpark(t);
        }
    }

    private void wakeThread() {
        wakePending.set(true);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** A message waiting for delivery, with the outbox it was sent on. */
    private record Envelope(Outbox box, Object message) {
    }
}
