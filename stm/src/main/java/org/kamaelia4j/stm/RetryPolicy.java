package org.kamaelia4j.stm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How {@link Store#atomically(RetryPolicy, java.util.function.Function, String...)} retries a
 * transaction that met a concurrent update: at most {@code maxTries} tries, a pause between tries
 * that starts at {@code backoff} and doubles, and no new try after {@code timeout}.
 *
 * <pre>{@code
 * RetryPolicy patient = new RetryPolicy(20, Duration.ofMillis(1), Duration.ofSeconds(2));
 * int balance = store.atomically(patient, accounts -> {
 *     int b = accounts.<Integer>get("alice") - 10;
 *     accounts.set("alice", b);
 *     return b;
 * }, "alice");
 * }</pre>
 *
 * <p>The pause after the n-th failed try is {@code backoff × 2^(n-1)}, doubling at most ten times
 * (so it stops growing at {@code 1024 × backoff}), and it is cut short so that it ends by the
 * timeout. A zero backoff retries at once. When the policy allows no more, the loop throws
 * {@link RetriesExhaustedException} saying why (max tries, timeout, or the thread was interrupted
 * between tries) with the last conflict as its cause. Exceptions other than
 * {@link ConcurrentUpdateException} are never retried.
 *
 * <p>Why retrying cannot livelock: a try fails only when another commit on one of its keys
 * succeeded, so every failure is somebody else's progress. Backoff does not make the store correct,
 * it saves the work of tries that would fail anyway when many threads fight over a few keys; the
 * limits only bound how long one unlucky transaction may keep losing.
 *
 * @param maxTries how many times the body may run, at least 1 ({@link Integer#MAX_VALUE}: no limit)
 * @param backoff  the pause after the first failed try, zero or more
 * @param timeout  no try starts after this much time ({@link #NO_TIMEOUT}: no limit)
 */
public record RetryPolicy(int maxTries, Duration backoff, Duration timeout) {

    /** A timeout that never comes (about 292 years). */
    public static final Duration NO_TIMEOUT = Duration.ofNanos(Long.MAX_VALUE);

    /** Retry at once, as often as needed, for as long as needed: what plain {@code atomically} uses. */
    public static final RetryPolicy UNTIL_COMMITTED = new RetryPolicy(Integer.MAX_VALUE, Duration.ZERO, NO_TIMEOUT);

    private static final int MAX_DOUBLINGS = 10;

    /** Checks the limits; see the class description. */
    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(timeout, "timeout");
        if (maxTries < 1) {
            throw new IllegalArgumentException("maxTries must be at least 1, not " + maxTries);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative: " + backoff);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
    }

    /**
     * The pause after the {@code failedTries}-th failed try, before the timeout cuts it short:
     * {@code backoff × 2^(failedTries-1)}, doubling at most ten times.
     */
    public Duration pauseAfter(int failedTries) {
        if (failedTries < 1) {
            throw new IllegalArgumentException("failedTries must be at least 1, not " + failedTries);
        }
        int doublings = Math.min(failedTries - 1, MAX_DOUBLINGS);
        long first = nanos(backoff);
        return Duration.ofNanos(first > Long.MAX_VALUE >> doublings ? Long.MAX_VALUE : first << doublings);
    }

    /** Runs {@code attempt} until it returns, retrying on conflict as this policy allows. */
    <R> R run(String[] keys, Supplier<R> attempt) {
        long timeoutNanos = nanos(timeout);
        long start = timeoutNanos == Long.MAX_VALUE ? 0 : System.nanoTime();  // no clock read when it cannot matter
        Duration backedOff = Duration.ZERO;
        for (int tries = 1; ; tries++) {
            ConcurrentUpdateException conflict;
            try {
                return attempt.get();
            } catch (ConcurrentUpdateException e) {
                conflict = e;
            }
            long left = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : timeoutNanos - (System.nanoTime() - start);
            RetriesExhaustedException.Reason stop = reasonToStop(tries, left);
            if (stop == null) {
                Duration pause = Duration.ofNanos(Math.min(nanos(pauseAfter(tries)), left));
                stop = sleep(pause);
                backedOff = stop == null ? backedOff.plus(pause) : backedOff;
            }
            if (stop != null) {
                throw new RetriesExhaustedException(List.of(keys), tries, backedOff, stop, conflict);
            }
        }
    }

    private RetriesExhaustedException.Reason reasonToStop(int tries, long nanosLeft) {
        if (tries >= maxTries) {
            return RetriesExhaustedException.Reason.MAX_TRIES;
        }
        if (nanosLeft <= 0) {
            return RetriesExhaustedException.Reason.TIMEOUT;
        }
        if (Thread.currentThread().isInterrupted()) {
            return RetriesExhaustedException.Reason.INTERRUPTED;
        }
        return null;
    }

    /** Pauses; returns INTERRUPTED (keeping the interrupt flag set) if woken by an interrupt, else null. */
    private static RetriesExhaustedException.Reason sleep(Duration pause) {
        if (pause.isZero()) {
            return null;
        }
        try {
            Thread.sleep(pause);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RetriesExhaustedException.Reason.INTERRUPTED;
        }
    }

    private static long nanos(Duration d) {
        return d.compareTo(NO_TIMEOUT) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }
}
