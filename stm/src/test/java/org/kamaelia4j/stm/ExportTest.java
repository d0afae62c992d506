package org.kamaelia4j.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link Store#export()}: the same moment as a snapshot, as plain maps and lists. */
class ExportTest {

    record Point(int x, int y) {
    }

    enum Colour { RED }

    private static final class Opaque {
        @Override
        public String toString() {
            return "opaque!";
        }
    }

    private static void commit(Store store, String key, Object value) {
        Value<Object> v = store.usevar(key);
        v.set(value);
        v.commit();
    }

    @Test
    void anEmptyStoreExportsNothing() {
        assertTrue(new Store().export().isEmpty());
    }

    @Test
    void everyCommittedKeyInOrderWithVersionAndValue() {
        Store store = new Store();
        store.usevar("only read");
        commit(store, "b", "two");
        commit(store, "a", 1);
        commit(store, "a", 2);
        commit(store, "fork", null);

        Map<String, Map<String, Object>> exported = store.export();
        assertEquals(List.of("a", "b", "fork"), List.copyOf(exported.keySet()));
        assertEquals(Map.of("version", 2L, "value", 2), exported.get("a"));
        assertEquals("{a={version=2, value=2}, b={version=1, value=two}, fork={version=1, value=null}}",
                exported.toString(), "prints readably, version before value");
    }

    @Test
    void valuesBecomePlainData() {
        Store store = new Store();
        commit(store, "point", new Point(1, 2));
        commit(store, "list", List.of(new Point(3, 4), 'c', Colour.RED));
        commit(store, "array", new int[] {5, 6});
        Map<Integer, Boolean> map = new TreeMap<>(Map.of(7, true));
        commit(store, "map", map);
        commit(store, "opaque", new Opaque());

        Map<String, Map<String, Object>> exported = store.export();
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("x", 1);
        point.put("y", 2);
        assertEquals(point, exported.get("point").get("value"));
        assertEquals(List.of(Map.of("x", 3, "y", 4), "c", "RED"), exported.get("list").get("value"));
        assertEquals(List.of(5, 6), exported.get("array").get("value"));
        assertEquals(Map.of("7", true), exported.get("map").get("value"));
        assertEquals("opaque!", exported.get("opaque").get("value"));
    }

    @Test
    void aValueThatContainsItselfIsCutOffInsteadOfRecursingForever() {
        Store store = new Store();
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        commit(store, "loop", loop);
        Object value = store.export().get("loop").get("value");
        int depth = 0;
        while (value instanceof List<?> l) {
            value = l.get(0);
            depth++;
        }
        assertTrue(value instanceof String && depth > 1, "depth " + depth + " ends in " + value);
    }

    @Test
    void anExportIsDetachedAndReadOnly() {
        Store store = new Store();
        commit(store, "k", "before");
        Map<String, Map<String, Object>> exported = store.export();
        commit(store, "k", "after");

        assertEquals(Map.of("version", 1L, "value", "before"), exported.get("k"));
        assertThrows(UnsupportedOperationException.class, () -> exported.remove("k"));
        assertThrows(UnsupportedOperationException.class, () -> exported.get("k").put("value", "x"));
    }
}
