package org.kamaelia4j.stm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One key of a {@link Store}: its current {@link Entry}, or a {@link Claim} while a commit holds it
 * (internal).
 *
 * <p>The single {@code state} word is the whole per-key protocol. A commit claims the key with one
 * compare-and-set from the entry whose version it expects to the claim; it never waits while the
 * key holds a plain entry. When it meets another commit's claim it helps that claim out of the way
 * if its commit is decided or prepared, fails at once if the claimed version is not the one it
 * expects, and otherwise waits for the other commit, which is still claiming keys that sort after
 * this one and so can never be waiting for us. Readers never write the state and never wait.
 *
 * <p>{@code history} is how many older versions the key keeps for slow readers. It starts at one
 * and grows (up to {@value #MAX_HISTORY}) each time a reader finds the history too short; the
 * increment is deliberately not atomic, as a lost increment only means one more retry.
 */
final class Cell {

    private static final int MAX_HISTORY = 16;
    private static final int SPINS = 64;
    private static final int YIELDS = 64;
    private static final long PARK_NANOS = 20_000;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Cell.class, "state", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Object state = Entry.EMPTY;
    private volatile int history = 1;

    /** The version a snapshot taken at {@code readStamp} sees, or null if this key's history ran out. */
    Entry visibleAt(long readStamp) {
        Object s = state;
        return s instanceof Claim claim ? claim.visibleAt(readStamp) : ((Entry) s).visibleAt(readStamp);
    }

    /** Called by a reader whose snapshot was older than this key's history: keep more next time. */
    void deepenHistory() {
        int h = history;
        if (h < MAX_HISTORY) {
            history = h + 1;
        }
    }

    /**
     * Claims this key for {@code owner} if it still holds version {@code expected}.
     *
     * @throws ConcurrentUpdateException if the key has moved past {@code expected}
     * @throws BusyRetryException        if the thread is interrupted while waiting for another commit
     */
    Claim claim(Commit owner, String key, long expected, Object value) {
        for (int waits = 0; ; ) {
            Object s = state;
            if (s instanceof Claim other) {
                long outcome = other.owner.outcome();
                if (outcome != Commit.PENDING) {
                    settle(other, outcome);
                } else if (other.before.version != expected) {
                    throw new ConcurrentUpdateException(key, expected, other.before.version);
                } else {
                    waitForOtherCommit(key, waits++);
                }
                continue;
            }
            Entry current = (Entry) s;
            if (current.version != expected) {
                throw new ConcurrentUpdateException(key, expected, current.version);
            }
            Claim mine = new Claim(owner, current, value);
            if (STATE.compareAndSet(this, current, mine)) {
                return mine;
            }
        }
    }

    /** Replaces a decided claim with its outcome; harmless if someone else already did. */
    void settle(Claim claim, long outcome) {
        Entry next = claim.settled(outcome);
        if (STATE.compareAndSet(this, claim, next) && next != claim.before) {
            next.keepOlder(history);
        }
    }

    private static void waitForOtherCommit(String key, int waits) {
        if (Thread.currentThread().isInterrupted()) {
            throw new BusyRetryException(key);
        }
        if (waits < SPINS) {
            Thread.onSpinWait();
        } else if (waits < SPINS + YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(PARK_NANOS);
        }
    }
}
