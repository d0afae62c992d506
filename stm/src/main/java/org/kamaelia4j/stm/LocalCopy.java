package org.kamaelia4j.stm;

import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The private copy behind a {@link Value} or a {@link Changeset}: some keys of a store, each with
 * the version it was read at and a value the holder may change (internal).
 *
 * <p>Keys are sorted and distinct, which is the order a commit claims them in. A successful commit
 * moves every version on by one, so the holder may change and commit again. A commit refused by a
 * {@link ConcurrentUpdateException} leaves the copy stale for good (store versions only grow); it is
 * remembered, and a later commit is refused up front with an {@link IllegalStateException} naming the
 * key, instead of failing the same way again. Confined to one thread, like the objects that wrap it.
 */
final class LocalCopy {

    private final Store store;
    private final String[] keys;
    private final long[] versions;
    private final Object[] values;
    private ConcurrentUpdateException staleBecause;

    LocalCopy(Store store, String[] sortedKeys, long[] versions, Object[] values) {
        this.store = store;
        this.keys = sortedKeys;
        this.versions = versions;
        this.values = values;
    }

    List<String> keys() {
        return List.of(keys);
    }

    /** Where {@code key} sits in this copy; a null or unknown key is refused with the keys it does hold. */
    int indexOf(String key) {
        if (key == null) {
            throw new NullPointerException("key is null; this copy holds " + keys());
        }
        int i = Arrays.binarySearch(keys, key);
        if (i < 0) {
            throw new IllegalArgumentException("key '" + key + "' is not in this copy, which holds " + keys()
                    + "; name every key you need in Store.using(...)");
        }
        return i;
    }

    Object value(int i) {
        return values[i];
    }

    void set(int i, Object value) {
        values[i] = value;
    }

    long version(int i) {
        return versions[i];
    }

    void commit() {
        if (staleBecause != null) {
            throw new IllegalStateException("this copy of " + keys() + " is stale: a commit of it failed because key '"
                    + staleBecause.key() + "' had changed; take a fresh copy (Store.using / Store.usevar)"
                    + " and redo the work", staleBecause);
        }
        try {
            store.commit(keys, versions, values);
        } catch (ConcurrentUpdateException conflict) {
            staleBecause = conflict;
            throw conflict;
        }
        for (int i = 0; i < versions.length; i++) {
            versions[i]++;
        }
    }

    @Override
    public String toString() {
        StringJoiner all = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < keys.length; i++) {
            all.add(keys[i] + "=" + describe(i));
        }
        return all.toString();
    }

    /** Axon's {@code repr} of a Value: {@code Value(version, value)}. */
    String describe(int i) {
        return "Value(" + versions[i] + ", " + values[i] + ")";
    }
}
