package org.kamaelia4j.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Misuse fails at once with an exception that says what was wrong and names the key. */
class BadInputTest {

    private final Store store = new Store();

    @Test
    void aNullKeyIsRefused() {
        assertTrue(assertThrows(NullPointerException.class, () -> store.usevar(null)).getMessage().contains("key"));
        assertEquals("key 1 of [a, null] is null",
                assertThrows(NullPointerException.class, () -> store.using("a", null)).getMessage());
        assertThrows(NullPointerException.class, () -> store.using((String[]) null));
        assertThrows(NullPointerException.class, () -> store.atomically(c -> 1, "a", null));
        assertThrows(NullPointerException.class, () -> store.using("a").get(null));
    }

    @Test
    void aKeyOutsideTheChangesetIsRefusedNamingItAndTheKeysItHolds() {
        Changeset d = store.using("a", "b");
        for (Runnable misuse : new Runnable[] {() -> d.set("zzz", 1), () -> d.get("zzz"), () -> d.version("zzz")}) {
            String message = assertThrows(IllegalArgumentException.class, misuse::run).getMessage();
            assertTrue(message.contains("'zzz'") && message.contains("[a, b]"), message);
        }
        d.commit();
        assertEquals(new Versioned(1, null), store.snapshot().get("a"), "the refused calls changed nothing");
    }

    @Test
    void committingAChangesetAgainAfterAConflictIsRefusedNamingTheKey() {
        Changeset stale = store.using("a", "b");
        Value<String> other = store.usevar("b");
        other.set("theirs");
        other.commit();
        stale.set("b", "mine");
        assertThrows(ConcurrentUpdateException.class, stale::commit);

        IllegalStateException again = assertThrows(IllegalStateException.class, stale::commit);
        assertTrue(again.getMessage().contains("'b'") && again.getMessage().contains("fresh copy"), again.getMessage());
        assertInstanceOf(ConcurrentUpdateException.class, again.getCause());
        assertEquals(new Versioned(1, "theirs"), store.snapshot().get("b"));
    }

    @Test
    void committingAValueAgainAfterAConflictIsRefusedNamingTheKey() {
        Value<String> stale = store.usevar("k");
        Value<String> other = store.usevar("k");
        other.set("theirs");
        other.commit();
        assertThrows(ConcurrentUpdateException.class, stale::commit);
        assertTrue(assertThrows(IllegalStateException.class, stale::commit).getMessage().contains("'k'"));
    }

    @Test
    void nullArgumentsAndImpossiblePoliciesAreRefused() {
        assertThrows(NullPointerException.class, () -> new Store(null));
        assertThrows(NullPointerException.class, () -> store.atomically((Function<Changeset, Object>) null, "a"));
        assertThrows(NullPointerException.class, () -> store.atomically(null, c -> 1, "a"));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ZERO, Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> new RetryPolicy(1, null, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.UNTIL_COMMITTED.pauseAfter(0));
    }
}
