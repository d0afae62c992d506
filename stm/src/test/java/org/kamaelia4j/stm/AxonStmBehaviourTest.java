package org.kamaelia4j.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviours Axon's STM.py describes in its docstrings and its {@code __main__} examples. */
class AxonStmBehaviourTest {

    private final Store store = new Store();

    @Test
    void aKeyNobodyCommittedReadsAsVersionZeroAndNull() {
        Value<String> greeting = store.usevar("hello");
        assertNull(greeting.get());
        assertEquals(0, greeting.version());

        Changeset d = store.using("a", "b");
        assertNull(d.get("a"));
        assertEquals(0, d.version("b"));
    }

    @Test
    void setIsLocalUntilCommit() {
        Value<String> greeting = store.usevar("hello");
        greeting.set("Hello World");
        assertNull(store.usevar("hello").get(), "set() alone must not reach the store");

        greeting.commit();
        Value<String> again = store.usevar("hello");
        assertEquals("Hello World", again.get());
        assertEquals(1, again.version());
        assertEquals(1, greeting.version());
        assertEquals("Value(1, Hello World)", greeting.toString());
    }

    /** STM.py {@code __main__}, last block: the greeting that loses to "par". */
    @Test
    void aStaleValueFailsToCommitAndWritesNothing() {
        Value<String> greeting = store.usevar("hello");
        greeting.set("Hello World");
        greeting.commit();

        Value<String> par = store.usevar("hello");
        par.set("Woo");
        par.commit();

        greeting.set("Woo too");
        ConcurrentUpdateException conflict = assertThrows(ConcurrentUpdateException.class, greeting::commit);
        assertEquals("hello", conflict.key());
        assertEquals(1, conflict.copyVersion());
        assertEquals(2, conflict.storeVersion());
        assertEquals(new Versioned(2, "Woo"), store.snapshot().get("hello"));
    }

    @Test
    void afterASuccessfulCommitTheHolderMayCommitAgain() {
        Value<Integer> counter = store.usevar("counter");
        counter.set(1);
        counter.commit();
        counter.set(2);
        counter.commit();
        assertEquals(2, counter.version());
        assertEquals(new Versioned(2, 2), store.snapshot().get("counter"));
    }

    /** STM.py docstring "Accessing/Updating a collection of shared values in the store". */
    @Test
    void aCollectionIsCommittedAsAWhole() {
        Changeset d = store.using("account_one", "account_two", "myaccount");
        d.set("account_one", 50);
        d.set("account_two", 100);
        d.commit();

        d = store.using("account_one", "account_two", "myaccount");
        d.set("myaccount", d.<Integer>get("account_one") + d.<Integer>get("account_two"));
        d.set("account_one", 0);
        d.set("account_two", 0);
        d.commit();

        assertEquals(Map.of(
                "account_one", new Versioned(2, 0),
                "account_two", new Versioned(2, 0),
                "myaccount", new Versioned(2, 150)), store.snapshot());
    }

    /** STM.py docstring "What can (possibly) go wrong?": commit #3 must fail and write nothing. */
    @Test
    void concurrentUpdatesMakeTheLaterCommitFailWithoutWritingAnything() {
        Changeset d = store.using("account_one", "account_two", "myaccount");
        d.set("myaccount", 0);
        d.set("account_one", 50);
        d.set("account_two", 100);
        d.commit(); // 1

        d = store.using("account_one", "account_two", "myaccount");
        d.set("myaccount", d.<Integer>get("account_one") + d.<Integer>get("account_two"));
        Changeset e = store.using("account_one", "myaccount");
        e.set("myaccount", e.<Integer>get("myaccount") - 100);
        e.set("account_one", 100);
        e.commit(); // 2
        d.set("account_one", 0);
        d.set("account_two", 0);
        ConcurrentUpdateException conflict = assertThrows(ConcurrentUpdateException.class, d::commit); // 3

        assertEquals("account_one", conflict.key(), "the first key found changed, in sorted order");
        assertEquals(Map.of(
                "account_one", new Versioned(2, 100),
                "account_two", new Versioned(1, 100),
                "myaccount", new Versioned(2, -100)), store.snapshot());
    }

    /** A commit whose last key conflicts must not leave its earlier keys written. */
    @Test
    void aConflictOnTheLastKeyLeavesTheEarlierKeysUntouched() {
        Changeset setup = store.using("a", "b", "c");
        setup.set("a", "a1");
        setup.set("b", "b1");
        setup.set("c", "c1");
        setup.commit();

        Changeset mine = store.using("a", "b", "c");
        Value<String> other = store.usevar("c");
        other.set("c2");
        other.commit();

        mine.set("a", "mine");
        mine.set("b", "mine");
        mine.set("c", "mine");
        assertEquals("c", assertThrows(ConcurrentUpdateException.class, mine::commit).key());
        assertEquals(Map.of(
                "a", new Versioned(1, "a1"),
                "b", new Versioned(1, "b1"),
                "c", new Versioned(2, "c2")), store.snapshot());
    }

    /** As in Axon, committing a collection writes every key in it, changed or not. */
    @Test
    void aChangesetCommitMovesEveryKeyOnEvenUnchangedOnes() {
        Changeset d = store.using("read", "written");
        d.set("written", 1);
        d.commit();
        assertEquals(1, d.version("read"));
        assertEquals(new Versioned(1, null), store.snapshot().get("read"));
    }

    @Test
    void aKeyNamedTwiceIsTakenOnce() {
        Changeset d = store.using("fork.1", "fork.1", "fork.2");
        assertEquals(List.of("fork.1", "fork.2"), d.keys());
        d.set("fork.1", "me");
        d.commit();
        assertEquals(1, store.usevar("fork.1").version());
    }

    /**
     * STM.py {@code __main__}, third block: one variable holding a dictionary. Axon deep-copies
     * values, so with a mutable value the store needs a copier to behave the same.
     */
    @Test
    void aMutableValueNeedsACopierToBehaveAsInAxon() {
        @SuppressWarnings("unchecked")
        Store copying = new Store(v -> v == null ? null : new HashMap<>((Map<String, Integer>) v));
        Value<Map<String, Integer>> d = copying.usevar("accounts");
        d.set(new HashMap<>(Map.of("account_one", 50, "account_two", 100, "myaccount", 0)));
        d.commit(); // first

        Map<String, Integer> x = d.get();
        x.put("myaccount", x.get("account_one") + x.get("account_two"));
        x.put("account_one", 0);

        Value<Map<String, Integer>> e = copying.usevar("accounts");
        Map<String, Integer> y = e.get();
        assertEquals(50, y.get("account_one"), "changing D's copy must not have changed the store");
        y.put("myaccount", y.get("myaccount") - 100);
        y.put("account_one", 100);
        e.set(y);
        e.commit(); // second

        x.put("account_two", 0);
        d.set(x);
        assertThrows(ConcurrentUpdateException.class, d::commit); // third: should fail
        assertEquals(Map.of("account_one", 100, "account_two", 100, "myaccount", -100),
                copying.snapshot().get("accounts").value());
    }
}
