package org.kamaelia4j.stm;

import java.util.List;

/**
 * A private, consistent copy of several keys of a {@link Store}, committed all together or not at
 * all (Axon's {@code Collection}).
 *
 * <pre>{@code
 * Changeset accounts = store.using("account_one", "account_two", "myaccount");
 * int one = accounts.get("account_one");
 * int two = accounts.get("account_two");
 * accounts.set("myaccount", one + two);
 * accounts.set("account_one", 0);
 * accounts.set("account_two", 0);
 * accounts.commit();    // all three keys move to their next version, or none does
 * }</pre>
 *
 * <p>The copy is consistent: it shows the keys as they all were at one moment, never half of some
 * other commit. {@link #set} changes only the copy. {@link #commit} publishes every key of the
 * changeset, changed or not (as Axon does: reading a key and committing means "my writes were based
 * on this value"), provided none of them was committed since the copy was taken; otherwise it throws
 * {@link ConcurrentUpdateException} naming the key and writes nothing. After a successful commit the
 * changeset is at the new versions and may be changed and committed again; after a failed one it is
 * stale for good and a further {@code commit()} throws {@link IllegalStateException}.
 *
 * <p>How it works: the changeset keeps, per key, the version it was read at; the commit claims the
 * keys in sorted order, checking each version as it claims it, and then publishes all of them at a
 * single tick of the store's commit clock (see {@link Store}).
 *
 * <p>Naming a key that is not in the changeset is a bug and fails with
 * {@link IllegalArgumentException} naming it and the keys the changeset holds. A changeset is a
 * private copy for one thread; share the {@link Store}, not the changeset.
 */
public final class Changeset {

    private final LocalCopy copy;

    Changeset(LocalCopy copy) {
        this.copy = copy;
    }

    /** The keys of this changeset, sorted. */
    public List<String> keys() {
        return copy.keys();
    }

    /**
     * The value of {@code key} in this copy.
     *
     * @param <T> the type the caller expects; not checked by the store
     * @throws IllegalArgumentException if the key is not in this changeset
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) copy.value(copy.indexOf(key));
    }

    /**
     * Changes {@code key} in this copy only.
     *
     * @throws IllegalArgumentException if the key is not in this changeset
     */
    public void set(String key, Object value) {
        copy.set(copy.indexOf(key), value);
    }

    /**
     * The version of {@code key} this copy is based on.
     *
     * @throws IllegalArgumentException if the key is not in this changeset
     */
    public long version(String key) {
        return copy.version(copy.indexOf(key));
    }

    /**
     * Publishes every key of this changeset as its next version, all or none.
     *
     * @throws ConcurrentUpdateException if any key was committed since this copy was taken; nothing
     *                                   was written and the changeset is stale from now on
     * @throws IllegalStateException     if an earlier commit of this changeset already failed that way
     * @throws BusyRetryException        if interrupted while waiting for another commit of one of the
     *                                   keys; nothing was written and the changeset is still valid
     */
    public void commit() {
        copy.commit();
    }

    /** Each key with {@code Value(version, value)}, as Axon prints a collection. */
    @Override
    public String toString() {
        return "Changeset" + copy;
    }
}
