package org.kamaelia4j.stm;

/**
 * A private, versioned copy of one key of a {@link Store}: read it, change it locally, commit it.
 *
 * <pre>{@code
 * Store store = new Store();
 * Value<String> greeting = store.usevar("hello");
 * greeting.get();                  // null: a key nobody committed yet reads as version 0, null
 * greeting.set("Hello World");     // local only; the store has not changed
 * greeting.commit();               // now it has: "hello" is at version 1
 * }</pre>
 *
 * <p>This is Axon's {@code Value}. {@link #set} changes only this copy. {@link #commit} publishes
 * it, provided nobody committed the key since the copy was taken; otherwise it throws
 * {@link ConcurrentUpdateException} and writes nothing. After a successful commit the copy is at the
 * new version, so it can be changed and committed again; after a failed one it is stale for good,
 * and a further {@code commit()} throws {@link IllegalStateException} naming the key.
 *
 * <p>How it works: the copy holds the version it was read at. Committing asks the store to swap the
 * key from exactly that version to the next one, in one atomic step (see {@link Store}). The value
 * object is shared with the store unless the store has a copier, so keep values immutable (records
 * are ideal) or give the store a copier.
 *
 * <p>A {@code Value} is a private copy for one thread (one component); do not share it between
 * threads. Share the {@link Store} instead.
 *
 * @param <T> the type of the value; the store does not check it, a wrong guess fails on use
 */
public final class Value<T> {

    private final LocalCopy copy;

    Value(LocalCopy copy) {
        this.copy = copy;
    }

    /** The key this is a copy of. */
    public String key() {
        return copy.keys().get(0);
    }

    /** The value of this copy (what was read, or what {@link #set} put since). */
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) copy.value(0);
    }

    /** Changes this copy only; nothing reaches the store before {@link #commit()}. */
    public void set(T value) {
        copy.set(0, value);
    }

    /** The version of the store this copy is based on: read at, or last committed as. */
    public long version() {
        return copy.version(0);
    }

    /**
     * Publishes this copy's value as the key's next version.
     *
     * @throws ConcurrentUpdateException if the key was committed since this copy was taken; nothing
     *                                   was written and the copy is stale from now on
     * @throws IllegalStateException     if an earlier commit of this copy already failed that way
     * @throws BusyRetryException        if interrupted while waiting for another commit of the key;
     *                                   nothing was written and the copy is still valid
     */
    public void commit() {
        copy.commit();
    }

    /** {@code Value(version, value)}, as in Axon. */
    @Override
    public String toString() {
        return copy.describe(0);
    }
}
