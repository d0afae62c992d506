package org.kamaelia4j.stm;

import java.time.Duration;
import java.util.List;

/**
 * {@link Store#atomically(RetryPolicy, java.util.function.Function, String...)} gave up: every try
 * met a concurrent update and the {@link RetryPolicy} allowed no more. Nothing of the last try was
 * written (earlier tries wrote nothing either: each ended in a conflict).
 *
 * <pre>{@code
 * try {
 *     store.atomically(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofSeconds(1)), body, "hot");
 * } catch (RetriesExhaustedException gaveUp) {
 *     log.warn("{} after {} tries ({})", gaveUp.keys(), gaveUp.tries(), gaveUp.reason());
 * }
 * }</pre>
 *
 * <p>It tells why ({@link Reason}), how many tries were made, how long the loop backed off in total
 * (the sum of the pauses it asked for, not a measurement), and carries the last conflict as its
 * cause.
 */
public class RetriesExhaustedException extends StmException {

    private static final long serialVersionUID = 1L;

    /** Why the retry loop stopped. */
    public enum Reason {
        /** The policy's {@link RetryPolicy#maxTries()} tries were all made. */
        MAX_TRIES,
        /** The policy's {@link RetryPolicy#timeout()} passed; no new try starts after it. */
        TIMEOUT,
        /** The thread was interrupted between tries; its interrupt flag is left set. */
        INTERRUPTED
    }

    private final List<String> keys;
    private final int tries;
    private final Duration backedOff;
    private final Reason reason;

    /**
     * @param keys         the keys of the transaction
     * @param tries        how many times the body ran and tried to commit
     * @param backedOff    the sum of the pauses made between tries
     * @param reason       why the loop stopped
     * @param lastConflict the conflict that ended the last try
     */
    public RetriesExhaustedException(List<String> keys, int tries, Duration backedOff, Reason reason,
            ConcurrentUpdateException lastConflict) {
        super("gave up on keys " + keys + " after " + tries + (tries == 1 ? " try" : " tries") + " ("
                + reason + "), having backed off " + backedOff.toMillis() + " ms in total; last conflict: "
                + lastConflict.getMessage(), lastConflict);
        this.keys = List.copyOf(keys);
        this.tries = tries;
        this.backedOff = backedOff;
        this.reason = reason;
    }

    /** The keys of the transaction, in the order they were claimed (sorted). */
    public List<String> keys() {
        return keys;
    }

    /** How many times the body ran and tried to commit. */
    public int tries() {
        return tries;
    }

    /** The sum of the pauses asked for between tries (computed from the policy, not measured). */
    public Duration backedOff() {
        return backedOff;
    }

    /** Why the loop stopped. */
    public Reason reason() {
        return reason;
    }

    /** The conflict that ended the last try (also {@link #getCause()}). */
    public ConcurrentUpdateException lastConflict() {
        return (ConcurrentUpdateException) getCause();
    }
}
