package org.kamaelia4j.components.util;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.kamaelia4j.axon.Microprocess;

/**
 * A bounded hand-off between a component's slices and one helper thread that blocks (reading a
 * console, a process's output, writing its input), so that blocking never happens on a scheduler
 * worker.
 *
 * <pre>{@code
 * feed = new ThreadFeed<String>(this, 64);
 * feed.start(name(), f -> { for (String l; (l = in.readLine()) != null; ) f.put(l); });
 * ...
 * protected boolean poll() {                       // in the component's slice
 *     for (String l; !holding() && (l = feed.poll()) != null; ) emit(l);
 *     if (feed.ended()) finishWith(new ProducerFinished(this, null));
 *     return false;
 * }
 * }</pre>
 *
 * <p>The thread side uses the blocking {@link #put} and {@link #take}; the component side uses
 * the non-blocking {@link #offer} and {@link #poll}. Each {@code put} and {@code take} wakes the
 * component ({@code unpause()}, safe from any thread, no lost wake-ups), so the component sleeps
 * until there is something to read or room to write. Back-pressure is the bounded queue: a thread
 * that gets ahead blocks in {@code put}; a component that gets ahead sees {@link #hasRoom()} false.
 * The end of the stream is a marker in the queue, so it comes after every item; a thread started
 * with {@link #start} puts it, with the failure if its body threw, when the body ends.
 * {@link #cancel()} interrupts the thread (a thread blocked in a non-interruptible read, such as
 * on {@code System.in}, ends at its next {@code put}).
 *
 * @param <T> the type of the items
 */
public final class ThreadFeed<T> {

    private static final Object END = new Object();

    private final Microprocess component;
    private final BlockingQueue<Object> queue;
    private volatile Throwable failure;
    private volatile boolean ended;
    private volatile Thread thread;

    /** A feed of {@code capacity} items whose activity wakes {@code component}. */
    public ThreadFeed(Microprocess component, int capacity) {
        this.component = Objects.requireNonNull(component, "ThreadFeed: the component must be non-null");
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** The body of a feed's thread. */
    @FunctionalInterface
    public interface Body<T> {
        /** Runs on the feed's thread; blocking is fine here. */
        void run(ThreadFeed<T> feed) throws Exception;
    }

    /** Runs {@code body} on a new virtual thread, then puts the end marker (with the failure, if it threw). */
    public void start(String name, Body<T> body) {
        thread = Thread.ofVirtual().name(name).start(() -> {
            Throwable thrown = null;
            try {
                body.run(this);
            } catch (Throwable t) {
                thrown = t;
            }
            try {
                putEnd(thrown);
            } catch (InterruptedException cancelled) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Thread side: queues {@code item}, blocking while the feed is full, and wakes the component. */
    public void put(T item) throws InterruptedException {
        queue.put(Objects.requireNonNull(item, "ThreadFeed.put: items must be non-null"));
        component.unpause();
    }

    /** Thread side: marks the end of the items, with {@code failure} or null, and wakes the component. */
    public void putEnd(Throwable failure) throws InterruptedException {
        this.failure = failure;
        queue.put(END);
        component.unpause();
    }

    /** Thread side: takes the next item, blocking while there is none; null once the end is reached. */
    @SuppressWarnings("unchecked")
    public T take() throws InterruptedException {
        if (ended) {
            return null;
        }
        Object item = queue.take();
        component.unpause();
        if (item == END) {
            ended = true;
            return null;
        }
        return (T) item;
    }

    /** Component side: queues {@code item} if there is room; false (nothing queued) if not. */
    public boolean offer(T item) {
        return queue.offer(Objects.requireNonNull(item, "ThreadFeed.offer: items must be non-null"));
    }

    /** Component side: marks the end of the items if there is room; false if not. */
    public boolean offerEnd() {
        return queue.offer(END);
    }

    /** Component side: true when an {@link #offer} would succeed now. */
    public boolean hasRoom() {
        return queue.remainingCapacity() > 0;
    }

    /** Component side: the next item, or null when there is none now or the end was reached. */
    @SuppressWarnings("unchecked")
    public T poll() {
        if (ended) {
            return null;
        }
        Object item = queue.poll();
        if (item == END) {
            ended = true;
            return null;
        }
        return (T) item;
    }

    /** True once the end marker has been taken: every item has been seen. */
    public boolean ended() {
        return ended;
    }

    /** What the thread's body threw, or null; meaningful once {@link #ended()}. */
    public Throwable failure() {
        return failure;
    }

    /** Interrupts the thread started by {@link #start}, if any, and drops what is queued. */
    public void cancel() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        queue.clear();
    }
}
