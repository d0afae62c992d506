package org.kamaelia4j.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** How values travel in and out of the store, and what a snapshot holds. */
class ValuesAndSnapshotsTest {

    record Point(int x, int y) {
    }

    @Test
    void withoutACopierImmutableValuesAreSharedAsTheyAre() {
        Store store = new Store();
        Point p = new Point(1, 2);
        Value<Point> v = store.usevar("p");
        v.set(p);
        v.commit();
        assertSame(p, store.<Point>usevar("p").get());
        assertSame(p, store.snapshot().get("p").value());
    }

    @Test
    @SuppressWarnings("unchecked")
    void withACopierChangingAnObjectAfterCommittingItDoesNotChangeTheStore() {
        Store store = new Store(v -> v == null ? null : new ArrayList<>((List<String>) v));
        List<String> mine = new ArrayList<>(List.of("a"));
        Value<List<String>> v = store.usevar("list");
        v.set(mine);
        v.commit();

        mine.add("changed after commit");
        store.<List<String>>usevar("list").get().add("changed a read copy");
        ((List<String>) store.snapshot().get("list").value()).add("changed a snapshot");

        assertEquals(List.of("a"), store.<List<String>>usevar("list").get());
        assertEquals(List.of("a"), store.snapshot().get("list").value());
    }

    @Test
    void anEmptyStoreHasAnEmptySnapshot() {
        assertTrue(new Store().snapshot().isEmpty());
    }

    @Test
    void aSnapshotListsCommittedKeysInOrderWithTheirVersions() {
        Store store = new Store();
        store.usevar("only read");
        Changeset d = store.using("b", "a");
        d.set("a", 1);
        d.set("b", 2);
        d.commit();
        Value<Integer> b = store.usevar("b");
        b.set(3);
        b.commit();

        Changeset failed = store.using("a.failed", "b");
        Value<Integer> other = store.usevar("b");
        other.set(4);
        other.commit();
        assertThrows(ConcurrentUpdateException.class, failed::commit);

        SortedMap<String, Versioned> snapshot = store.snapshot();
        assertEquals(List.of("a", "b"), List.copyOf(snapshot.keySet()),
                "keys only read, or only in a failed commit, are still at version 0 and not listed");
        assertEquals(new Versioned(1, 1), snapshot.get("a"));
        assertEquals(new Versioned(3, 4), snapshot.get("b"));
    }

    @Test
    void aSnapshotIsDetachedAndReadOnly() {
        Store store = new Store();
        Value<String> v = store.usevar("k");
        v.set("before");
        v.commit();
        Map<String, Versioned> snapshot = store.snapshot();
        v.set("after");
        v.commit();

        assertEquals(new Versioned(1, "before"), snapshot.get("k"));
        assertThrows(UnsupportedOperationException.class, () -> snapshot.put("k", new Versioned(9, "x")));
    }
}
