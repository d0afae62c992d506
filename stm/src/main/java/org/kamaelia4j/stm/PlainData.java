package org.kamaelia4j.stm;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stored value into plain data for {@link Store#export()} (internal): only null,
 * {@link Boolean}, {@link Number}, {@link String}, {@link List} and {@link Map} with string keys,
 * the types every JSON writer and every printer understands.
 *
 * <p>Strings, booleans and numbers stay as they are; a character or an enum constant becomes a
 * string; a record becomes a map of its components in declaration order; an array or any other
 * {@link Iterable} becomes a list; a map becomes a map whose keys are {@code String.valueOf} of the
 * original keys; anything else becomes its {@code toString()}. Nesting deeper than
 * {@value #MAX_DEPTH} levels (a value that contains itself, say) is cut off with its
 * {@code toString()} as well, so a conversion always ends.
 */
final class PlainData {

    private static final int MAX_DEPTH = 32;

    private PlainData() {
    }

    static Object of(Object value) {
        return of(value, 0);
    }

    private static Object of(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Character || value instanceof Enum<?>) {
            return value instanceof Enum<?> e ? e.name() : value.toString();
        }
        if (depth >= MAX_DEPTH) {
            return value.toString();
        }
        if (value instanceof Record record) {
            return recordOf(record, depth);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), of(v, depth + 1)));
            return out;
        }
        if (value instanceof Iterable<?> items) {
            List<Object> out = new ArrayList<>();
            items.forEach(item -> out.add(of(item, depth + 1)));
            return out;
        }
        if (value.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(of(Array.get(value, i), depth + 1));
            }
            return out;
        }
        return value.toString();
    }

    /** A record's components by name; its {@code toString()} if an accessor cannot be called from here. */
    private static Object recordOf(Record record, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                out.put(c.getName(), of(accessor.invoke(record), depth + 1));
            } catch (ReflectiveOperationException | RuntimeException inaccessible) {
                return record.toString();
            }
        }
        return out;
    }
}
