package org.kamaelia4j.axon;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes and removes linkages, keeping every box's resolved sink current (Axon's
 * {@code postoffice}, without per-component state).
 *
 * <p>Linkage changes are rare next to sends, so they take one topology lock and rebuild the sink
 * cache of the changed box and of every box upstream of it; sends never take the lock. A message
 * sent concurrently with a change goes to the old or the new sink, and an inbox that becomes a
 * passthrough source passes on what it holds (see {@link Inbox}).
 */
final class Postoffice {

    /** Guards {@link Box#forward}, {@link Box#upstream}, {@link Box#sink} writes and linkage lists. */
    private static final Object TOPOLOGY = new Object();

    private Postoffice() {
    }

    static Linkage link(Component owner, Component source, String sourceBox, Component sink, String sinkBox,
            Passthrough kind) {
        if (source == null || sink == null) {
            throw new NullPointerException(owner.name() + ".link: source and sink components must be non-null");
        }
        if (kind == null) {
            throw new NullPointerException(owner.name() + ".link: the passthrough kind must be non-null");
        }
        Box from = kind == Passthrough.INBOUND ? source.inboxBox(sourceBox) : source.outboxBox(sourceBox);
        Box to = kind == Passthrough.OUTBOUND ? sink.outboxBox(sinkBox) : sink.inboxBox(sinkBox);
        synchronized (TOPOLOGY) {
            Linkage existing = from.forward;
            if (existing != null) {
                throw new BoxAlreadyLinkedException(from.kind() + " '" + from.name + "' of " + source.name()
                        + " is linked already by " + existing + " (made by " + existing.owner().name()
                        + "); unlink that first");
            }
            for (Box b = to; b != null; b = b.forward == null ? null : b.forward.to) {
                if (b == from) {
                    throw new IllegalArgumentException(owner.name() + ".link: " + from + " -> " + to
                            + " would close a loop of passthrough linkages");
                }
            }
            Linkage linkage = new Linkage(owner, from, to, kind);
            from.forward = linkage;
            to.addUpstream(from);
            if (from instanceof Inbox inbox) {
                // Pass on what the inbox holds before its feeders learn the new sink, so that
                // nothing they send next can overtake it.
                inbox.sink = to.sink;
                inbox.moveOn();
            }
            resolve(from);
            owner.ownLinkages = BoxTable.with(owner.ownLinkages, linkage);
            Instrumentation.linked(linkage);
            return linkage;
        }
    }

    static void unlink(Linkage linkage) {
        synchronized (TOPOLOGY) {
            Component owner = linkage.owner();
            owner.ownLinkages = BoxTable.without(owner.ownLinkages, linkage);
            if (linkage.from.forward == linkage) {
                linkage.from.forward = null;
                linkage.to.removeUpstream(linkage.from);
                resolve(linkage.from);
                Instrumentation.unlinked(linkage);
            }
        }
    }

    /**
     * Removes the linkages {@code owner} made that involve {@code other}. Looks through whichever
     * side has fewer linkages: {@code owner}'s own list, or the linkages at {@code other}'s boxes.
     * A parent dropping its finished children one by one thus touches each child's few linkages
     * (still in cache, the child has just run) rather than all of its own.
     */
    static void unlink(Component owner, Component other) {
        synchronized (TOPOLOGY) {
            Linkage[] own = owner.ownLinkages;
            BoxEntry[] boxes = other.boxTable();
            if (own.length <= linkagesAt(boxes)) {
                for (Linkage linkage : own) {
                    if (linkage.source() == other || linkage.sink() == other) {
                        unlink(linkage);
                    }
                }
                return;
            }
            for (BoxEntry entry : boxes) {
                if (entry instanceof Box box) {
                    unlinkIfMadeBy(owner, box.forward);
                    for (Box feeder : box.upstream) {
                        unlinkIfMadeBy(owner, feeder.forward);
                    }
                }
            }
        }
    }

    /** How many linkages leave or enter these boxes. */
    private static int linkagesAt(BoxEntry[] boxes) {
        int n = 0;
        for (BoxEntry entry : boxes) {
            if (entry instanceof Box box) {
                n += (box.forward == null ? 0 : 1) + box.upstream.length;
            }
        }
        return n;
    }

    private static void unlinkIfMadeBy(Component owner, Linkage linkage) {
        if (linkage != null && linkage.owner() == owner) {
            unlink(linkage);
        }
    }

    /** Removes every linkage {@code owner} made. */
    static void unlinkAll(Component owner) {
        synchronized (TOPOLOGY) {
            for (Linkage linkage : owner.ownLinkages) {
                unlink(linkage);
            }
        }
    }

    /** Removes every linkage into or out of {@code box}, whoever made it: the box is being deleted. */
    static void detach(Box box) {
        synchronized (TOPOLOGY) {
            List<Linkage> touching = new ArrayList<>();
            if (box.forward != null) {
                touching.add(box.forward);
            }
            for (Box feeder : box.upstream) {
                touching.add(feeder.forward);
            }
            touching.forEach(Postoffice::unlink);
        }
    }

    /** Recomputes the sink of {@code box} and of everything upstream of it. */
    private static void resolve(Box box) {
        Linkage forward = box.forward;
        box.sink = forward == null ? box.selfSink() : forward.to.sink;
        for (Box feeder : box.upstream) {
            resolve(feeder);
        }
    }
}
