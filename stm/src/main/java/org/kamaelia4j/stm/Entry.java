package org.kamaelia4j.stm;

/**
 * One committed version of one key, and a link in that key's short history (internal).
 *
 * <p>A cell's current entry points to the versions before it, newest first, so that a reader whose
 * snapshot was taken before the latest commits can still find the version it is entitled to see.
 * The chain is kept short: whoever installs a new entry cuts the chain after as many older entries
 * as the cell's history allows ({@link #keepOlder(int)}). Everything but the link is final, so an
 * entry can be handed to any thread; the link is volatile because cutting it races with readers
 * walking it, and a reader that finds the chain cut simply retries with a newer snapshot.
 *
 * <p>{@code stamp} is the value of the store's commit clock at which this version became visible
 * (0 for {@link #EMPTY}); stamps only grow along a key's history, newest first.
 */
final class Entry {

    /** What every key holds before its first commit: version 0, value null, visible to everyone. */
    static final Entry EMPTY = new Entry(0, null, 0, null);

    final long version;
    final Object value;
    final long stamp;
    private volatile Entry older;

    Entry(long version, Object value, long stamp, Entry older) {
        this.version = version;
        this.value = value;
        this.stamp = stamp;
        this.older = older;
    }

    /**
     * The newest version in this chain that a snapshot taken at clock value {@code readStamp} may see,
     * or null when the chain no longer reaches back that far.
     */
    Entry visibleAt(long readStamp) {
        Entry e = this;
        while (e != null && e.stamp > readStamp) {
            e = e.older;
        }
        return e;
    }

    /** Drops every version beyond the {@code depth} older ones, so that history stays bounded. */
    void keepOlder(int depth) {
        Entry e = this;
        for (int i = 0; i < depth && e != null; i++) {
            e = e.older;
        }
        if (e != null && e.older != null) {
            e.older = null;
        }
    }
}
