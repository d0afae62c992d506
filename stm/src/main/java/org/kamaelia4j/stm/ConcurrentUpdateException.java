package org.kamaelia4j.stm;

/**
 * A commit was refused because a key changed since the copy was taken (Axon's
 * {@code ConcurrentUpdate}). Nothing was written: not this key, not any other key of the commit.
 *
 * <pre>{@code
 * while (true) {
 *     Changeset accounts = store.using("alice", "bob");
 *     accounts.set("alice", accounts.<Integer>get("alice") - 10);
 *     accounts.set("bob", accounts.<Integer>get("bob") + 10);
 *     try {
 *         accounts.commit();
 *         break;
 *     } catch (ConcurrentUpdateException someoneElseWasFaster) {
 *         // redo the work on a fresh copy
 *     }
 * }
 * }</pre>
 *
 * <p>The fix is always the same: take a fresh copy and redo the work ({@link Store#atomically} does
 * that loop for you). The copy that failed is stale for good (versions only grow), so committing it
 * again is refused with an {@link IllegalStateException} rather than failing the same way twice.
 *
 * <p>The exception names the first key found changed, the version the copy held and the version the
 * store had moved to. The store had moved on because another commit on that key succeeded, so a
 * conflict always means somebody else made progress.
 */
public class ConcurrentUpdateException extends StmException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final long copyVersion;
    private final long storeVersion;

    /**
     * @param key          the key that changed
     * @param copyVersion  the version the refused copy held
     * @param storeVersion the version the store held (or was about to publish) instead
     */
    public ConcurrentUpdateException(String key, long copyVersion, long storeVersion) {
        super("key '" + key + "' changed since the copy was taken (copy at version " + copyVersion
                + ", store at version " + storeVersion + "); nothing was written: take a fresh copy and redo the work");
        this.key = key;
        this.copyVersion = copyVersion;
        this.storeVersion = storeVersion;
    }

    /** The key that changed. */
    public String key() {
        return key;
    }

    /** The version the refused copy held. */
    public long copyVersion() {
        return copyVersion;
    }

    /** The version the store held instead. */
    public long storeVersion() {
        return storeVersion;
    }
}
