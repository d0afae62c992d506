package org.kamaelia4j.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Store#atomically} and its {@link RetryPolicy}: retry on conflict, give up clearly. */
class RetryPolicyTest {

    private final Store store = new Store();
    private final AtomicInteger tries = new AtomicInteger();

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    /** Commits "k" behind the transaction's back, so that the transaction's own commit conflicts. */
    private void interfere() {
        Value<Integer> other = store.usevar("k");
        other.set(other.get() == null ? 1000 : other.get() + 1000);
        other.commit();
    }

    /** Adds one to "k", interfering on the first {@code interferences} tries. */
    private Integer addOne(Changeset c, int interferences) {
        if (tries.incrementAndGet() <= interferences) {
            interfere();
        }
        Integer k = c.get("k");
        c.set("k", (k == null ? 0 : k) + 1);
        return tries.get();
    }

    @Test
    void atomicallyRetriesUntilTheCommitSucceeds() {
        int result = store.atomically(c -> addOne(c, 2), "k");
        assertEquals(3, result, "the body's result on the try that committed");
        assertEquals(3, tries.get());
        assertEquals(new Versioned(3, 2001), store.snapshot().get("k"),
                "both interfering commits and exactly one of ours");
    }

    @Test
    void givesUpAfterMaxTriesWithTheLastConflictAsCause() {
        RetryPolicy threeTries = new RetryPolicy(3, Duration.ZERO, RetryPolicy.NO_TIMEOUT);
        RetriesExhaustedException gaveUp = assertThrows(RetriesExhaustedException.class,
                () -> store.atomically(threeTries, c -> addOne(c, Integer.MAX_VALUE), "k"));

        assertEquals(RetriesExhaustedException.Reason.MAX_TRIES, gaveUp.reason());
        assertEquals(3, gaveUp.tries());
        assertEquals(3, tries.get());
        assertEquals("k", gaveUp.lastConflict().key());
        assertSame(gaveUp.lastConflict(), gaveUp.getCause());
        assertTrue(gaveUp.getMessage().contains("[k]") && gaveUp.getMessage().contains("3 tries"), gaveUp.getMessage());
        assertEquals(new Versioned(3, 3000), store.snapshot().get("k"), "only the interfering commits were written");
    }

    @Test
    void givesUpAtTheTimeout() {
        RetryPolicy shortTimeout = new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(1), Duration.ofMillis(20));
        RetriesExhaustedException gaveUp = assertThrows(RetriesExhaustedException.class,
                () -> store.atomically(shortTimeout, c -> addOne(c, Integer.MAX_VALUE), "k"));

        assertEquals(RetriesExhaustedException.Reason.TIMEOUT, gaveUp.reason());
        assertEquals(tries.get(), gaveUp.tries());
        assertEquals(1000L * gaveUp.tries(), (long) store.<Integer>usevar("k").get());
    }

    @Test
    void backsOffDoublingBetweenTries() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(2), RetryPolicy.NO_TIMEOUT);
        RetriesExhaustedException gaveUp = assertThrows(RetriesExhaustedException.class,
                () -> store.atomically(policy, c -> addOne(c, Integer.MAX_VALUE), "k"));
        assertEquals(Duration.ofMillis(2 + 4 + 8), gaveUp.backedOff(), "three pauses between four tries");
    }

    @Test
    void thePauseDoublesAtMostTenTimes() {
        RetryPolicy policy = new RetryPolicy(100, Duration.ofMillis(1), RetryPolicy.NO_TIMEOUT);
        assertEquals(Duration.ofMillis(1), policy.pauseAfter(1));
        assertEquals(Duration.ofMillis(2), policy.pauseAfter(2));
        assertEquals(Duration.ofMillis(1024), policy.pauseAfter(11));
        assertEquals(Duration.ofMillis(1024), policy.pauseAfter(99));
        assertEquals(Duration.ZERO, RetryPolicy.UNTIL_COMMITTED.pauseAfter(5));
        RetryPolicy huge = new RetryPolicy(100, Duration.ofDays(365L * 200), RetryPolicy.NO_TIMEOUT);
        assertEquals(RetryPolicy.NO_TIMEOUT, huge.pauseAfter(20), "saturates instead of overflowing");
    }

    @Test
    void anInterruptBetweenTriesEndsTheLoop() {
        Thread.currentThread().interrupt();
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(1), RetryPolicy.NO_TIMEOUT);
        RetriesExhaustedException gaveUp = assertThrows(RetriesExhaustedException.class,
                () -> store.atomically(policy, c -> addOne(c, Integer.MAX_VALUE), "k"));

        assertEquals(RetriesExhaustedException.Reason.INTERRUPTED, gaveUp.reason());
        assertEquals(1, gaveUp.tries());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is left set");
    }

    @Test
    void otherExceptionsFromTheBodyAreNotRetriedAndWriteNothing() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> store.atomically(c -> {
            tries.incrementAndGet();
            c.set("k", 1);
            throw boom;
        }, "k")));
        assertEquals(1, tries.get());
        assertTrue(store.snapshot().isEmpty());
    }

    @Test
    void aConflictThrownByTheBodyIsRetriedToo() {
        Value<Integer> stale = store.usevar("other");
        interfereWith("other");
        int result = store.atomically(c -> {
            if (tries.incrementAndGet() == 1) {
                stale.commit(); // a conflict on another key, from inside the body
            }
            c.set("k", 7);
            return tries.get();
        }, "k");
        assertEquals(2, result);
        assertEquals(new Versioned(1, 7), store.snapshot().get("k"));
    }

    private void interfereWith(String key) {
        Value<Integer> other = store.usevar(key);
        other.set(1);
        other.commit();
    }
}
