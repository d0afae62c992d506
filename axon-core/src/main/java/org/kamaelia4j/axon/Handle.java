package org.kamaelia4j.axon;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drives a component from ordinary code: put messages into its inboxes, get what it sends
 * (Axon's {@code Handle}).
 *
 * <pre>{@code
 * Scheduler s = Scheduler.create(2);
 * s.startInBackground();
 * Handle h = Handle.activate(new Doubler(), s);
 * h.put(21);
 * Integer answer = h.get(Duration.ofSeconds(1));    // 42, or null if nothing came in time
 * h.put(new ShutdownMicroprocess(), Component.CONTROL);
 * }</pre>
 *
 * <p>Every public outbox of the component is linked, before it is activated, to an inbox of the
 * same name inside the handle, so nothing it sends is missed. Outboxes the component has already
 * linked itself, and private ones (named with a leading {@code _}, Kamaelia's convention for boxes
 * a component wires to its own children), are left to the component: Axon's Handle linked only
 * {@code outbox} and {@code signal}, and a component may link its private boxes after activation. {@code get} blocks on a condition that
 * each delivery signals: no polling, no sleeping. {@code put} delivers into the component's inbox
 * (or wherever that inbox passes messages on to) from the calling thread; a full inbox throws
 * {@link BoxFullException} and the caller keeps the message. All methods are thread-safe.
 */
public final class Handle {

    private final Component target;
    private final Receiver receiver;

    private Handle(Component target) {
        this.target = target;
        this.receiver = new Receiver(target);
        for (String outbox : receiver.inboxNames()) {
            receiver.link(target, outbox, receiver, outbox);
        }
    }

    /** Whether the handle links {@code outbox}: public and not linked by the component itself. */
    private static boolean watched(Component target, String outbox) {
        return !outbox.startsWith("_") && target.outboxBox(outbox).forward == null;
    }

    /**
     * Links a handle to {@code c} and activates {@code c} on {@code s}, which should be running
     * ({@link Scheduler#startInBackground()}).
     */
    public static Handle activate(Component c, Scheduler s) {
        if (c == null || s == null) {
            throw new NullPointerException("Handle.activate needs a component and a scheduler");
        }
        Handle handle = new Handle(c);
        c.activate(s);
        return handle;
    }

    /** The component this handle drives. */
    public Component component() {
        return target;
    }

    /** Puts a message into the component's {@code "inbox"}. */
    public void put(Object msg) {
        put(msg, Component.INBOX);
    }

    /** Puts a message into the component's inbox {@code inbox}. */
    public void put(Object msg, String inbox) {
        target.deliverVia(target.inboxBox(inbox), msg);
    }

    /** Waits up to {@code timeout} for a message from the component's {@code "outbox"}; null if none came. */
    public <T> T get(Duration timeout) {
        return get(Component.OUTBOX, timeout);
    }

    /** Waits up to {@code timeout} for a message from the component's {@code outbox}; null if none came. */
    public <T> T get(String outbox, Duration timeout) {
        if (!receiver.inboxNames().contains(outbox)) {
            throw new UnknownBoxException(target.name() + " has no outbox '" + outbox + "' that " + this
                    + " watches; it watches " + receiver.inboxNames() + " (private '_' outboxes and those the"
                    + " component linked itself are not watched)", outbox);
        }
        Inbox box = receiver.inboxBox(outbox);
        long nanos = timeout.toNanos();
        receiver.lock.lock();
        try {
            while (box.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = receiver.arrived.awaitNanos(nanos);
            }
            return receiver.recv(outbox);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            receiver.lock.unlock();
        }
    }

    /** A message from the component's {@code outbox} if one is waiting, else null. */
    public <T> T poll(String outbox) {
        return get(outbox, Duration.ZERO);
    }

    @Override
    public String toString() {
        return "Handle[" + target.name() + "]";
    }

    /**
     * The handle's end of the linkages: an inbox per watched outbox of the target. It is never activated;
     * deliveries signal waiting {@code get} calls instead of scheduling it.
     */
    private static final class Receiver extends Component {

        final ReentrantLock lock = new ReentrantLock();
        final Condition arrived = lock.newCondition();

        Receiver(Component target) {
            super(mirror(target));
        }

        private static Boxes mirror(Component target) {
            Boxes.Builder b = Boxes.builder();
            for (String outbox : target.outboxNames()) {
                if (!watched(target, outbox)) {
                    continue;
                }
                b.inbox(outbox, "what " + target.name() + " sends on '" + outbox + "'");
            }
            return b.build();
        }

        @Override
        protected Step main() {
            return Step.DONE;
        }

        @Override
        void delivered(Inbox inbox) {
            lock.lock();
            try {
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
