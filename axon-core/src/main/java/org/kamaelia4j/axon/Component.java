package org.kamaelia4j.axon;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component: a microprocess that talks to the world only through named inboxes and outboxes
 * (Axon's {@code component}).
 *
 * <p>A component reads its inboxes with {@link #dataReady(String)} and {@link #recv(String)} and
 * writes its outboxes with {@link #send(Object, String)}. It never knows who is at the other end:
 * whoever composes components wires outboxes to inboxes with {@link #link}. By Axon's convention
 * every component has {@code inbox} and {@code control} inboxes and {@code outbox} and
 * {@code signal} outboxes; a component stops when {@code ProducerFinished} or
 * {@code ShutdownMicroprocess} arrives on {@code control}, after forwarding it on {@code signal}.
 *
 * <pre>{@code
 * final class Doubler extends Component {
 *     protected Step main() {
 *         while (dataReady()) send(2 * this.<Integer>recv());
 *         if (dataReady(CONTROL)) {
 *             Object m = recv(CONTROL);
 *             if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
 *                 send(m, SIGNAL);
 *                 return Step.DONE;
 *             }
 *         }
 *         return Step.PAUSE;
 *     }
 * }
 * new Pipeline(new NumberSource(1, 10), new Doubler(), new ConsoleEchoer()).run();
 * }</pre>
 *
 * <h2>Delivery</h2>
 * A send is delivered at once: the destination's {@code dataCount} has grown before any
 * scheduler cycle, and its owner is woken. A send on an outbox that leads nowhere is dropped,
 * as in Axon. An inbox with a size limit ({@link #setInboxSize}) that is full refuses the
 * message with {@link BoxFullException}; the sender keeps it. A {@code recv} that frees space in
 * a full inbox wakes every component feeding it.
 *
 * <h2>Memory</h2>
 * A declared box is made the first time it is used: sent to, received from, looked at with
 * {@code dataReady}, linked or sized. Until then a component shares its table of declarations
 * with every component made from the same {@link Boxes}, so an idle component with the default
 * boxes costs little more than its own object, and a leaf that only sends pays for one outbox.
 *
 * <h2>Children</h2>
 * A component may own children ({@link #addChildren}), typically wiring them with {@link #link}
 * and starting them with {@code child.activate(scheduler())}. A child finishing wakes its parent;
 * {@link #childrenDone()} drops finished children and says whether any are left.
 *
 * <h2>Failure</h2>
 * If {@link #main()} throws, the component finishes, {@link ErrorInformation} goes out on its
 * {@code signal} outbox and one WARN line with the stack is logged; the scheduler and every other
 * component keep running. When a component finishes, the linkages it made are removed.
 *
 * <h2>Several workers</h2>
 * A slice sees its inboxes as they were when it started: messages that arrive while it runs
 * wait for the next slice, which their arrival schedules. The snapshot is taken last-declared
 * inbox first, so a shutdown message on {@code control} is never seen without everything its
 * sender put in {@code inbox} before it. Components written for Axon's single thread (drain
 * {@code inbox}, then look at {@code control}, then finish) therefore stay correct on any number
 * of workers and with producers on other threads ({@link Handle}, {@link ThreadedComponent}).
 *
 * <h2>Threading</h2>
 * {@code recv}, {@code dataReady} and {@code link} belong to the component's own slices (or, before
 * activation, to whoever builds it). {@code send}s into a component, {@code unpause} and
 * {@code stop} may come from any thread.
 */
public abstract class Component extends Microprocess {

    private static final Logger LOG = LoggerFactory.getLogger(Component.class);

    /** The standard inbox for data. */
    public static final String INBOX = "inbox";
    /** The standard inbox for shutdown messages. */
    public static final String CONTROL = "control";
    /** The standard outbox for data. */
    public static final String OUTBOX = "outbox";
    /** The standard outbox for shutdown and error messages. */
    public static final String SIGNAL = "signal";
    /** The size limit of an inbox that has none. */
    public static final int UNBOUNDED = -1;

    private static final Linkage[] NO_LINKAGES = new Linkage[0];
    private static final Component[] NO_CHILDREN = new Component[0];

    /** Inboxes and outboxes, each in declaration order; replaced whole when a box is added or deleted. */
    private volatile BoxEntry[] boxes;
    /** The linkages this component made; written under {@link Postoffice}'s topology lock. */
    volatile Linkage[] ownLinkages = NO_LINKAGES;
    /** Written under this component's lock. */
    private volatile Component[] children = NO_CHILDREN;
    private volatile Component parent;
    /** True while a slice runs with its inboxes' snapshots (see {@link Inbox#snapshot()}); consumer-owned. */
    boolean sliceView;

    /** A component with Axon's standard boxes: {@code inbox}, {@code control} / {@code outbox}, {@code signal}. */
    protected Component() {
        this(Boxes.standard());
    }

    /** A component with the declared {@code boxes}. */
    protected Component(Boxes boxes) {
        this.boxes = boxes.unused;
    }

    // ---- boxes ----

    /** The names of this component's inboxes, in declaration order. */
    public Set<String> inboxNames() {
        return BoxTable.names(boxes, true);
    }

    /** The names of this component's outboxes, in declaration order. */
    public Set<String> outboxNames() {
        return BoxTable.names(boxes, false);
    }

    /**
     * The one-line description of a box.
     *
     * @throws UnknownBoxException when the component has no inbox or outbox of that name
     */
    public String describe(String box) {
        BoxEntry b = BoxTable.find(boxes, true, box);
        if (b == null) {
            b = BoxTable.find(boxes, false, box);
        }
        if (b == null) {
            throw new UnknownBoxException(name() + " has no box '" + box + "'; its inboxes are " + inboxNames()
                    + " and its outboxes are " + outboxNames(), box);
        }
        return b.description;
    }

    /** Sends {@code msg} on the outbox {@code outbox}; dropped when the outbox leads nowhere. */
    public void send(Object msg, String outbox) {
        deliverVia(outboxBox(outbox), msg);
    }

    /** Sends {@code msg} on {@code "outbox"}. */
    public void send(Object msg) {
        send(msg, OUTBOX);
    }

    /** True when the inbox holds a message. */
    public boolean dataReady(String inbox) {
        return !inboxBox(inbox).isEmpty();
    }

    /** True when {@code "inbox"} holds a message. */
    public boolean dataReady() {
        return dataReady(INBOX);
    }

    /** How many messages the inbox holds. */
    public int dataCount(String inbox) {
        return inboxBox(inbox).available();
    }

    /**
     * Takes the oldest message from the inbox.
     *
     * @throws NoSuchElementException when it is empty (Axon's IndexError)
     */
    @SuppressWarnings("unchecked")
    public <T> T recv(String inbox) {
        Object message = inboxBox(inbox).take();
        if (message == null) {
            throw new NoSuchElementException("inbox '" + inbox + "' of " + name() + " is empty; check dataReady first");
        }
        return (T) message;
    }

    /** Takes the oldest message from {@code "inbox"}. */
    public <T> T recv() {
        return recv(INBOX);
    }

    /** The name of the first inbox (in declaration order) that holds a message, or null. */
    public String anyReady() {
        for (BoxEntry box : boxes) {
            if (box instanceof Inbox inbox && !inbox.isEmpty()) {
                return box.name;
            }
        }
        return null;
    }

    /**
     * Sets the inbox's size limit, or lifts it with {@link #UNBOUNDED}. The limit applies where
     * messages end up: on an inbox that is a passthrough source it has no effect.
     */
    public void setInboxSize(String inbox, int capacity) {
        if (capacity < 1 && capacity != UNBOUNDED) {
            throw new IllegalArgumentException(name() + ".setInboxSize('" + inbox + "', " + capacity
                    + "): the size limit must be at least 1, or UNBOUNDED");
        }
        inboxBox(inbox).capacity = capacity;
    }

    /** The inbox's size limit, or {@link #UNBOUNDED}. */
    public int inboxCapacity(String inbox) {
        return inboxBox(inbox).capacity;
    }

    // ---- linkages ----

    /** Links an outbox of {@code src} to an inbox of {@code dst}; this component owns the linkage. */
    public Linkage link(Component src, String srcBox, Component dst, String dstBox) {
        return link(src, srcBox, dst, dstBox, Passthrough.NONE);
    }

    /**
     * Links two boxes; {@code kind} says which kinds (see {@link Passthrough}).
     *
     * @throws UnknownBoxException        when a box does not exist (its kind given by {@code kind})
     * @throws BoxAlreadyLinkedException  when the source box is linked already
     */
    public Linkage link(Component src, String srcBox, Component dst, String dstBox, Passthrough kind) {
        return Postoffice.link(this, src, srcBox, dst, dstBox, kind);
    }

    /** Removes a linkage this component made; a linkage made by another is left alone. */
    public void unlink(Linkage linkage) {
        if (linkage != null && linkage.owner() == this) {
            Postoffice.unlink(linkage);
        }
    }

    /** Removes every linkage this component made to or from {@code other}. */
    public void unlink(Component other) {
        Postoffice.unlink(this, other);
    }

    /** The linkages this component made that are still in place. */
    public List<Linkage> linkages() {
        return List.of(ownLinkages);
    }

    // ---- children ----

    /**
     * Makes the components children of this one: a child finishing wakes this component. Checks
     * them all first, so a bad argument adds none of them.
     */
    public void addChildren(Component... children) {
        for (Component child : children) {
            if (child == null) {
                throw new NullPointerException(name() + ".addChildren: a child must be non-null");
            }
            if (child == this) {
                throw new IllegalArgumentException(name() + " cannot be its own child");
            }
        }
        for (Component child : children) {
            child.parent = this;
        }
        synchronized (this) {
            Component[] before = this.children;
            Component[] grown = Arrays.copyOf(before, before.length + children.length);
            System.arraycopy(children, 0, grown, before.length, children.length);
            this.children = grown;
        }
    }

    /** Forgets a child and removes the linkages this component made that involve it. */
    public void removeChild(Component child) {
        boolean removed;
        synchronized (this) {
            Component[] before = children;
            children = BoxTable.without(before, child);
            removed = children != before;
        }
        if (removed) {
            if (child.parent == this) {
                child.parent = null;
            }
            unlink(child);
        }
    }

    /** A snapshot of the children. */
    public List<Component> childComponents() {
        return List.of(children);
    }

    /** Removes finished children; true when none are left. */
    protected boolean childrenDone() {
        for (Component child : children) {
            if (child.isStopped()) {
                removeChild(child);
            }
        }
        return children.length == 0;
    }

    // ---- lifecycle hooks ----

    /** Called once before the first slice; override to set up. */
    protected void initialiseComponent() throws Exception {
    }

    /** Called once after the last slice (also after a failure); override to release resources. */
    protected void closeDownComponent() throws Exception {
    }

    @Override
    void starting() throws Exception {
        initialiseComponent();
    }

    /** Fixes what this slice sees, last-declared inbox first (see {@link Inbox#snapshot()}). */
    @Override
    void beginSlice() {
        BoxEntry[] all = boxes;
        for (int i = all.length - 1; i >= 0; i--) {
            if (all[i] instanceof Inbox inbox) {
                inbox.snapshot();
            }
            BoxEntry[] now = boxes;
            if (now != all) {
                // A sender put a box in use (or one was added or deleted) meanwhile, perhaps one
                // declared before this one that already holds what came before the messages just
                // seen: start again on the new table, so that no snapshot misses them.
                all = now;
                i = all.length;
            }
        }
        sliceView = true;
    }

    @Override
    void endSlice() {
        sliceView = false;
    }

    @Override
    void finished(Throwable failure) {
        if (failure != null) {
            reportFailure(failure);
        }
        try {
            closeDownComponent();
        } catch (Exception e) {
            LOG.warn("{}.closeDownComponent failed", name(), e);
        }
        Postoffice.unlinkAll(this);
    }

    @Override
    void done() {
        Component p = parent;
        if (p != null) {
            p.unpause();
        }
    }

    private void reportFailure(Throwable failure) {
        String message = name() + " failed: " + failure;
        LOG.warn(message, failure);
        if (BoxTable.find(boxes, false, SIGNAL) instanceof Outbox signal) {
            try {
                deliverVia(signal, new ErrorInformation(this, failure, message));
            } catch (RuntimeException e) {
                LOG.warn("{} could not send its ErrorInformation on '{}'", name(), SIGNAL, e);
            }
        }
    }

    // ---- package internals ----

    Component parent() {
        return parent;
    }

    /** This component's box table: the boxes in use and the declarations of the others. */
    BoxEntry[] boxTable() {
        return boxes;
    }

    /** The inbox called {@code name}, put in use if it was not yet. */
    Inbox inboxBox(String name) {
        if (standardEntry(name) instanceof Inbox inbox && inbox.name == name) {
            return inbox;
        }
        return (Inbox) use(name, true);
    }

    /** The outbox called {@code name}, put in use if it was not yet. */
    Outbox outboxBox(String name) {
        if (standardEntry(name) instanceof Outbox outbox && outbox.name == name) {
            return outbox;
        }
        return (Outbox) use(name, false);
    }

    /**
     * The entry where Axon's standard layout puts a standard box called {@code name}, or null for
     * any other name: the one-entry look of every send and receive; the caller checks kind and name.
     */
    private BoxEntry standardEntry(String name) {
        BoxEntry[] all = boxes;
        int at = BoxTable.standardPlace(name);
        return at < all.length ? all[at] : null;
    }

    /**
     * The inbox called {@code name} if it is in use, null if it is declared and not used yet (so it
     * holds nothing): for looking without the cost of making it.
     */
    Inbox usedInbox(String name) {
        BoxEntry entry = BoxTable.find(boxes, true, name);
        if (entry == null) {
            throw unknown(name, true);
        }
        return entry instanceof Inbox inbox ? inbox : null;
    }

    /**
     * The box called {@code name} of that kind, made from its declaration if it is not in use yet.
     * Making it copies the table under this component's lock, so that threads using a box for the
     * first time at once all get the same box.
     */
    private Box use(String name, boolean inbox) {
        BoxEntry entry = BoxTable.find(boxes, inbox, name);
        if (entry instanceof Box box) {
            return box;
        }
        synchronized (this) {
            BoxEntry[] all = boxes;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == entry) {
                    Box box = ((BoxDeclaration) entry).makeFor(this);
                    boxes = BoxTable.replaced(all, i, box);
                    return box;
                }
            }
            entry = BoxTable.find(all, inbox, name);
            if (entry instanceof Box box) {
                return box;
            }
        }
        throw unknown(name, inbox);
    }

    private UnknownBoxException unknown(String name, boolean inbox) {
        return new UnknownBoxException(this, inbox ? "inbox" : "outbox", name, inbox ? inboxNames() : outboxNames());
    }

    /** Delivers {@code msg} to wherever {@code box} leads: its resolved sink. */
    final void deliverVia(Box box, Object msg) {
        if (msg == null) {
            throw new NullPointerException(name() + ": null message for " + box.kind() + " '" + box.name
                    + "'; messages must be non-null");
        }
        Inbox sink = box.sink;
        if (sink != null) {
            sink.deliver(msg, this, box);
        }
    }

    /** A message arrived in one of this component's inboxes. */
    void delivered(Inbox inbox) {
        wake();
    }

    /** A full inbox this component feeds has room again. */
    void spaceFreed() {
        wake();
    }

    /** Declares one more box; it is made when first used. */
    void addBox(String name, String description, boolean inbox) {
        synchronized (this) {
            boxes = BoxTable.with(boxes, new BoxDeclaration(name, description, inbox));
            Instrumentation.boxChanged(this, name, inbox, true);
        }
    }

    /** Deletes a box with its linkages, discarding what it holds. */
    void removeBox(String name, boolean inbox) {
        synchronized (this) {
            BoxEntry entry = BoxTable.find(boxes, inbox, name);
            if (entry == null) {
                throw unknown(name, inbox);
            }
            if (entry instanceof Box box) {
                Postoffice.detach(box);
            }
            boxes = BoxTable.without(boxes, entry);
            if (entry instanceof Inbox held) {
                held.clear();
            }
            Instrumentation.boxChanged(this, name, inbox, false);
        }
    }
}
