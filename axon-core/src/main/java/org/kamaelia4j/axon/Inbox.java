package org.kamaelia4j.axon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * An inbox: a multi-producer, single-consumer FIFO with an optional size limit.
 *
 * <p>A delivery is one lock-free offer into a JCTools MPSC queue plus a wake-up of the owner; a
 * {@code recv} is one poll. The queue is JCTools' linked-array MPSC queue: a ring of 64 slots
 * reused while the consumer keeps up, another ring linked on when it does not, about 0.9 KB in
 * all. (The XADD variant, as fast here, pools spare chunks in a queue of their own and costs twice
 * that; the unpadded one is smaller still but lets producer and consumer on two workers fight over
 * one cache line, which cost the two-worker pipeline about 40% of its throughput here.) The queue's own indices give the size, so there is no separate
 * counter to keep in step. A size limit is checked against that size before the offer: exact
 * for one producer at a time (the usual case: a component's slices never overlap), and with
 * several producers sending at the same instant the inbox may hold at most one extra message
 * per concurrent sender. A {@code recv} that leaves the inbox below its limit wakes every
 * component feeding it.
 *
 * <p>The queue must be one whose offer counts the message in its producer index atomically, as
 * its first step: JCTools' XADD queue. The size-limit wake-up depends on it (a consumer that
 * polls while a producer is mid-offer must count that message, or the producer may find the
 * inbox full after the consumer has looked and sleep with the inbox drained), and so does the
 * passthrough race below. JCTools' linked-array MPSC queue, half the memory, breaks this: when
 * it links a new chunk it marks its producer index "resizing" first, and its size leaves the
 * message out until the chunk is in place. Tried here, it left a ProcessPipeline's source asleep
 * beside a drained inbox in 3 of 4 runs of ten million messages.
 *
 * <p>What a slice sees is fixed when it starts ({@link #snapshot()}): messages that arrive during
 * the slice wait for the next one, which the arrival schedules. {@link Component} takes the
 * snapshots of its inboxes last-declared first, so a shutdown message seen on {@code control} comes
 * with everything its sender put in {@code inbox} before it, on any number of workers, as on
 * Axon's single thread.
 *
 * <p>The consumer is the owning component's current slice (or a {@link ThreadedComponent}'s
 * thread). The queue is allocated on first delivery, so a component that never receives costs no
 * queue.
 *
 * <p>An inbox that becomes the source of a passthrough linkage passes on what it holds
 * ({@link #moveOn}). A producer that raced with that change and offered here afterwards reads
 * {@link #forward} after its offer and moves the message on itself: the queue's offer is an
 * atomic increment of its producer index, the linker writes {@code forward} before reading that
 * index, so one of the two always sees the message.
 */
final class Inbox extends Box {

    private static final int CHUNK = 64;
    private static final VarHandle QUEUE;

    static {
        try {
            QUEUE = MethodHandles.lookup().findVarHandle(Inbox.class, "queue", MpscUnboundedXaddArrayQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through QUEUE
    private volatile MpscUnboundedXaddArrayQueue<Object> queue;
    volatile int capacity = Component.UNBOUNDED;
    /**
     * The producer index, truncated to an int, up to which the owner's current slice sees messages;
     * read only while the owner is in a slice ({@link Component#sliceView}). Written once per slice,
     * never per message, so producers on other workers do not fight over this object's cache line.
     */
    private int visibleLimit;

    Inbox(Component owner, String name, String description) {
        super(owner, name, description);
        sink = this;
    }

    @Override
    Inbox selfSink() {
        return this;
    }

    @Override
    boolean isInbox() {
        return true;
    }

    @Override
    String kind() {
        return "inbox";
    }

    /** Messages held, as producers see it. */
    int size() {
        MpscUnboundedXaddArrayQueue<Object> q = queue;
        return q == null ? 0 : q.size();
    }

    /** Messages ever offered here: the queue's producer index. */
    long delivered() {
        MpscUnboundedXaddArrayQueue<Object> q = queue;
        return q == null ? 0 : q.currentProducerIndex();
    }

    /**
     * Fixes what the owner's current slice may see: the messages offered so far. Called by the
     * consumer at the start of a slice; outside slices the consumer sees every message.
     */
    void snapshot() {
        MpscUnboundedXaddArrayQueue<Object> q = queue;
        visibleLimit = q == null ? 0 : (int) q.currentProducerIndex();
    }

    /**
     * How many of the messages the slice saw at its start are still here, from the consumer's own
     * index only (a passthrough's moveOn advances it too); int differences wrap safely.
     */
    private int visibleLeft(MpscUnboundedXaddArrayQueue<Object> q) {
        return Math.max(0, visibleLimit - (int) q.currentConsumerIndex());
    }

    /** Messages the consumer may take now. */
    int available() {
        MpscUnboundedXaddArrayQueue<Object> q = queue;
        if (q == null) {
            return 0;
        }
        return owner.sliceView ? visibleLeft(q) : q.size();
    }

    /** True when the consumer may take a message now. */
    boolean isEmpty() {
        MpscUnboundedXaddArrayQueue<Object> q = queue;
        if (q == null) {
            return true;
        }
        return owner.sliceView ? visibleLeft(q) == 0 : q.isEmpty();
    }

    /**
     * Puts a message in this inbox (which was a final sink when the sender resolved it) and
     * wakes the owner.
     *
     * @throws BoxFullException when the inbox is at its size limit; nothing was delivered
     */
    void deliver(Object message, Object sender, Box via) {
        int limit = capacity;
        if (limit >= 0) {
            int held = size();
            if (held >= limit) {
                throw full(held, limit, sender, via);
            }
        }
        deliverForced(message);
    }

    /** Delivery that ignores the size limit: for messages that are moved on, never refused. */
    void deliverForced(Object message) {
        queue().offer(message);
        if (forward != null) {
            moveOn();
        } else {
            owner.delivered(this);
        }
    }

    private BoxFullException full(int held, int limit, Object sender, Box via) {
        if (sender instanceof Microprocess mp && mp.stats != null) {
            mp.stats.blocked = true;
        }
        String from = via == null || via == this ? String.valueOf(sender) : sender + " (via " + via + ")";
        return new BoxFullException("inbox '" + name + "' of " + owner.name() + " is full (" + held + " of "
                + limit + " messages); the message from " + from + " was not delivered", held, limit);
    }

    /**
     * Takes the oldest message, or returns null when empty. Only the owner's consumer may call it.
     * A take that leaves the inbox below its limit wakes every component feeding it.
     */
    Object take() {
        if (isEmpty()) {
            return null;
        }
        MpscUnboundedXaddArrayQueue<Object> q = queue;
        Object message = q.poll();
        if (message != null) {
            int limit = capacity;
            if (limit >= 0) {
                // The poll's index store must be visible before we read the feeders' states: a
                // feeder that starts a slice after we looked must see the room we made.
                VarHandle.fullFence();
                if (q.size() + 1 >= limit) {
                    wakeFeeders(this);
                }
            }
        }
        return message;
    }

    /** Moves everything held on to this inbox's sink; called when it has become a passthrough source. */
    synchronized void moveOn() {
        Inbox target = sink;
        MpscUnboundedXaddArrayQueue<Object> q = queue;
        if (target == this || target == null || q == null) {
            return;
        }
        for (Object message; (message = q.poll()) != null; ) {
            target.deliverForced(message);
        }
    }

    /** Removes everything held; for deleted inboxes. */
    synchronized void clear() {
        MpscUnboundedXaddArrayQueue<Object> q = queue;
        if (q != null) {
            q.clear();
        }
    }

    /** Wakes the owners of the outboxes that lead here, through any passthrough inboxes between. */
    private static void wakeFeeders(Box box) {
        for (Box feeder : box.upstream) {
            if (feeder instanceof Outbox) {
                feeder.owner.spaceFreed();
            }
            wakeFeeders(feeder);
        }
    }

    @SuppressWarnings("unchecked")
    private MpscUnboundedXaddArrayQueue<Object> queue() {
        MpscUnboundedXaddArrayQueue<Object> q = (MpscUnboundedXaddArrayQueue<Object>) QUEUE.getAcquire(this);
        if (q == null) {
            q = new MpscUnboundedXaddArrayQueue<>(CHUNK);
            if (!QUEUE.compareAndSet(this, null, q)) {
                q = (MpscUnboundedXaddArrayQueue<Object>) QUEUE.getAcquire(this);
            }
        }
        return q;
    }
}
