package org.kamaelia4j.axon;

/**
 * A link from one box to another, made by a component with {@link Component#link}.
 *
 * <pre>{@code
 * Linkage l = link(producer, OUTBOX, consumer, INBOX);
 * ...
 * unlink(l);
 * }</pre>
 *
 * <p>A linkage belongs to the component that made it ({@link #owner()}): that component's
 * {@code unlink} calls remove it, and it is removed when that component finishes. Linkages made by
 * others to a component stay theirs. Whatever the nesting of passthrough linkages, a message
 * sent travels one hop, to the final inbox at the end of the chain (see {@link Passthrough}).
 */
public final class Linkage {

    private final Component owner;
    private final Component source;
    private final Component sink;
    private final Passthrough passthrough;
    final Box from;
    final Box to;

    Linkage(Component owner, Box from, Box to, Passthrough passthrough) {
        this.owner = owner;
        this.source = from.owner;
        this.sink = to.owner;
        this.from = from;
        this.to = to;
        this.passthrough = passthrough;
    }

    /** The component that made this linkage. */
    public Component owner() {
        return owner;
    }

    /** The component whose box messages come from. */
    public Component source() {
        return source;
    }

    /** The name of the box messages come from. */
    public String sourceBox() {
        return from.name;
    }

    /** The component whose box messages go to. */
    public Component sink() {
        return sink;
    }

    /** The name of the box messages go to. */
    public String sinkBox() {
        return to.name;
    }

    /** Which kinds of box this linkage joins. */
    public Passthrough passthrough() {
        return passthrough;
    }

    /** True while the linkage is in place (it has not been unlinked). */
    public boolean isActive() {
        return from.forward == this;
    }

    @Override
    public String toString() {
        String kind = passthrough == Passthrough.NONE ? "" : " (" + passthrough + ")";
        return "Linkage[" + from + " -> " + to + kind + "]";
    }
}
