package org.kamaelia4j.axon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * An inbox: a multi-producer, single-consumer FIFO with an optional size limit.
 *
 * <p>{@link #size} counts messages queued <em>plus</em> slots reserved by producers that are about
 * to offer, so the limit is exact under any number of concurrent senders: a producer reserves a
 * slot (CAS against the limit), offers, then wakes the owner. The consumer is the owning
 * component's current slice (or a {@link ThreadedComponent}'s thread); when it sees a reserved
 * slot whose message is still being offered it spins for those few nanoseconds.
 *
 * <p>The queue is allocated on first delivery, so a component that never receives costs no queue.
 *
 * <p>An inbox that becomes the source of a passthrough linkage passes on what it holds
 * ({@link #moveOn}); a producer that raced with that change and offered here afterwards sees
 * {@link #forward} set after its offer and moves the message on itself. The size counter's atomic
 * update between the offer and that check, against the linker's write of {@code forward} before
 * reading the size, guarantees one of the two sees the message.
 */
final class Inbox extends Box {

    private static final int CHUNK = 64;
    private static final VarHandle QUEUE;
    private static final VarHandle SIZE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            QUEUE = lookup.findVarHandle(Inbox.class, "queue", MessagePassingQueue.class);
            SIZE = lookup.findVarHandle(Inbox.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through QUEUE
    private volatile MessagePassingQueue<Object> queue;
    @SuppressWarnings("unused") // accessed through SIZE
    private volatile int size;
    volatile int capacity = Component.UNBOUNDED;

    Inbox(Component owner, String name, String description) {
        super(owner, name, description);
        sink = this;
    }

    @Override
    Inbox selfSink() {
        return this;
    }

    @Override
    String kind() {
        return "inbox";
    }

    /** Messages held, including ones a producer is offering right now. */
    int size() {
        return size;
    }

    /**
     * Puts a message in this inbox (which must be a final sink at the time it was resolved) and
     * wakes the owner.
     *
     * @throws BoxFullException when the inbox is at its size limit; nothing was delivered
     */
    void deliver(Object message, Object sender, Box via) {
        reserve(sender, via);
        offerReserved(message);
    }

    /** Delivery that ignores the size limit: for messages that are moved on, never refused. */
    void deliverForced(Object message) {
        SIZE.getAndAdd(this, 1);
        offerReserved(message);
    }

    private void offerReserved(Object message) {
        queue().offer(message);
        if (forward != null) {
            moveOn();
        } else {
            owner.delivered(this);
        }
    }

    private void reserve(Object sender, Box via) {
        int limit = capacity;
        if (limit < 0) {
            SIZE.getAndAdd(this, 1);
            return;
        }
        for (;;) {
            int current = size;
            if (current >= limit) {
                throw full(current, limit, sender, via);
            }
            if (SIZE.compareAndSet(this, current, current + 1)) {
                return;
            }
        }
    }

    private BoxFullException full(int current, int limit, Object sender, Box via) {
        String from = via == null || via == this ? String.valueOf(sender) : sender + " (via " + via + ")";
        return new BoxFullException("inbox '" + name + "' of " + owner.name() + " is full (" + current + " of "
                + limit + " messages); the message from " + from + " was not delivered", current, limit);
    }

    /**
     * Takes the oldest message, or returns null when empty. Only the owner's consumer may call it.
     * A take that frees space in a full inbox wakes every component feeding it.
     */
    Object take() {
        if (size == 0) {
            return null;
        }
        Object message = pollReserved();
        int before = (int) SIZE.getAndAdd(this, -1);
        int limit = capacity;
        if (limit >= 0 && before >= limit) {
            wakeFeeders(this);
        }
        return message;
    }

    /** Polls a message that {@link #size} says is there, waiting out a producer mid-offer. */
    private Object pollReserved() {
        MessagePassingQueue<Object> q = queue();
        Object message;
        int spins = 0;
        while ((message = q.poll()) == null) {
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return message;
    }

    /** Moves everything held on to this inbox's sink; called when it has become a passthrough source. */
    synchronized void moveOn() {
        Inbox target = sink;
        if (target == this || target == null) {
            return;
        }
        while (size > 0) {
            Object message = pollReserved();
            SIZE.getAndAdd(this, -1);
            target.deliverForced(message);
        }
    }

    /** Removes everything held; for deleted inboxes. */
    synchronized int clear() {
        int dropped = 0;
        while (size > 0) {
            pollReserved();
            SIZE.getAndAdd(this, -1);
            dropped++;
        }
        return dropped;
    }

    private static void wakeFeeders(Box box) {
        for (Box feeder : box.upstream) {
            feeder.owner.spaceFreed();
            wakeFeeders(feeder);
        }
    }

    @SuppressWarnings("unchecked")
    private MessagePassingQueue<Object> queue() {
        MessagePassingQueue<Object> q = (MessagePassingQueue<Object>) QUEUE.getAcquire(this);
        if (q == null) {
            q = new MpscUnboundedXaddArrayQueue<>(CHUNK);
            if (!QUEUE.compareAndSet(this, null, q)) {
                q = (MessagePassingQueue<Object>) QUEUE.getAcquire(this);
            }
        }
        return q;
    }
}
