package org.kamaelia4j.axon;

/**
 * One named inbox or outbox of a component, and its place in the linkage graph.
 *
 * <p>A box is the source of at most one {@link Linkage} ({@link #forward}) and the destination of
 * any number ({@link #upstream}). {@link #sink} caches where a message put into this box ends up:
 * the final inbox at the end of the passthrough chain, or null for an outbox that leads nowhere
 * (Axon drops those messages). The cache is rebuilt by {@link Postoffice} under its topology
 * lock whenever a linkage changes, so that a send costs one volatile read and one queue offer
 * however deep the nesting.
 *
 * <p>Threading: {@code forward}, {@code upstream} and {@code sink} are written only under the
 * topology lock and read anywhere (volatile; {@code upstream} is copy-on-write).
 */
abstract sealed class Box extends BoxEntry permits Inbox, Outbox {

    private static final Box[] NONE = new Box[0];

    final Component owner;

    volatile Linkage forward;
    volatile Box[] upstream = NONE;
    volatile Inbox sink;

    Box(Component owner, String name, String description) {
        super(name, description);
        this.owner = owner;
    }

    /** The final inbox this box resolves to when it is the source of no linkage. */
    abstract Inbox selfSink();

    /** "inbox" or "outbox". */
    abstract String kind();

    void addUpstream(Box box) {
        Box[] old = upstream;
        Box[] grown = java.util.Arrays.copyOf(old, old.length + 1);
        grown[old.length] = box;
        upstream = grown;
    }

    void removeUpstream(Box box) {
        Box[] old = upstream;
        for (int i = 0; i < old.length; i++) {
            if (old[i] == box) {
                Box[] shrunk = new Box[old.length - 1];
                System.arraycopy(old, 0, shrunk, 0, i);
                System.arraycopy(old, i + 1, shrunk, i, old.length - i - 1);
                upstream = shrunk.length == 0 ? NONE : shrunk;
                return;
            }
        }
    }

    @Override
    public String toString() {
        return owner.name() + "." + name;
    }
}
