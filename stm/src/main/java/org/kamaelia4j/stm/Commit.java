package org.kamaelia4j.stm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The fate of one commit, shared by all the claims it placed on its keys (internal).
 *
 * <p>One word says everything: {@code PENDING} while the owner is still claiming keys,
 * {@code PREPARED} once every key is claimed and the commit can no longer fail, then either a
 * commit stamp (at least 1, taken from the store's clock) or {@code ABORTED}. Only the owner moves
 * the word out of {@code PENDING}; the move from {@code PREPARED} to a stamp is a compare-and-set
 * that anyone may make ({@link #outcome()}), so a reader or another writer that meets a
 * prepared commit never waits for its owner to get the CPU back: it fixes the stamp itself. A stamp
 * fixed by someone who read the clock at {@code r} is always greater than {@code r}, which is what
 * keeps a snapshot at {@code r} from seeing half of this commit.
 */
final class Commit {

    static final long PENDING = -1;
    static final long ABORTED = -2;
    private static final long PREPARED = 0;

    private static final VarHandle WORD;

    static {
        try {
            WORD = MethodHandles.lookup().findVarHandle(Commit.class, "word", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CommitClock clock;
    private volatile long word = PENDING;

    /** @param clock the store's commit clock, where the stamp comes from */
    Commit(CommitClock clock) {
        this.clock = clock;
    }

    /** Owner only: every key is claimed and validated; the commit will now happen. */
    void prepare() {
        word = PREPARED;
    }

    /** Owner only, while still pending: the commit will not happen. */
    void abort() {
        word = ABORTED;
    }

    boolean isPending() {
        return word == PENDING;
    }

    /**
     * {@link #PENDING}, {@link #ABORTED}, or the commit's stamp (at least 1). A prepared commit gets
     * its stamp here, from whoever asks first.
     */
    long outcome() {
        long w = word;
        if (w == PREPARED) {
            WORD.compareAndSet(this, PREPARED, clock.tick());
            w = word;
        }
        return w;
    }

    static boolean isCommitted(long outcome) {
        return outcome > PREPARED;
    }
}
