package org.kamaelia4j.stm;

/**
 * A commit backed out without writing anything, because its thread was interrupted while it waited
 * for another commit on the same key (Axon's {@code BusyRetry}, kept so that ported code keeps its
 * shape).
 *
 * <pre>{@code
 * try {
 *     counter.commit();
 * } catch (BusyRetryException interrupted) {
 *     return;                    // we were asked to stop; the copy is still good for later
 * }
 * }</pre>
 *
 * <p>In Axon the store had a single lock taken with {@code acquire(0)}, so any two overlapping calls
 * could make one of them fail with BusyRetry. Kamaelia4J's store is never "busy" in that sense:
 * reads never wait and never fail, and contention between commits ends either in a commit or in a
 * {@link ConcurrentUpdateException}. The one wait left is this: a commit that finds a key claimed by
 * another commit which is still claiming its other keys (a matter of nanoseconds to microseconds,
 * unless that thread is descheduled) waits for it to be decided, because only then does it know
 * whether its own copy is stale. Exactly then, and only when the waiting thread's interrupt flag is
 * set, the waiting commit gives up: it releases the keys it had claimed, leaves the interrupt flag
 * set and throws this exception. So plain contention never produces it; an interrupt that lands
 * while two commits on one key overlap does.
 *
 * <p>Unlike a conflict, this says nothing about the copy: it is still valid and may be committed
 * again as is. {@link Store#atomically} does not retry it; it passes it on, since the thread was
 * asked to stop.
 */
public class BusyRetryException extends StmException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /** @param key the key whose other commit was being waited for */
    public BusyRetryException(String key) {
        super("interrupted while waiting for another commit on key '" + key
                + "'; nothing was written and the copy is still valid: commit it again");
        this.key = key;
    }

    /** The key whose other commit was being waited for. */
    public String key() {
        return key;
    }
}
