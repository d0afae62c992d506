package org.kamaelia4j.axon;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * A component's boxes as one plain array, inboxes and outboxes each in declaration order: the
 * smallest shape for the two to four boxes a component usually has, looked up by a scan that
 * compares the interned standard names by identity first. An entry is the box once it is in use,
 * or its declaration until then ({@link BoxEntry}). Arrays are never changed in place: putting a
 * box in use, adding or deleting one (only {@link AdaptiveCommsComponent} does), a linkage or a
 * child publishes a new one, made by {@link #with}, {@link #without} or {@link #replaced} under the
 * writer's lock, so readers need no lock.
 */
final class BoxTable {

    private BoxTable() {
    }

    /**
     * The entry of the inbox (or outbox) called {@code name}, in use or not, or null when there is
     * none.
     */
    static BoxEntry find(BoxEntry[] boxes, boolean inbox, String name) {
        int at = standardPlace(name);
        if (at < boxes.length && boxes[at].name == name && boxes[at].isInbox() == inbox) {
            return boxes[at];
        }
        for (BoxEntry box : boxes) {
            if (box.name == name && box.isInbox() == inbox) {
                return box;
            }
        }
        for (BoxEntry box : boxes) {
            if (box.name.equals(name) && box.isInbox() == inbox) {
                return box;
            }
        }
        return null;
    }

    /**
     * Where Axon's standard layout ({@code inbox, control, outbox, signal}) puts a standard box, so
     * that the lookups on every send and receive touch one entry; past the end for any other name.
     */
    static int standardPlace(String name) {
        return name == Component.INBOX ? 0 : name == Component.CONTROL ? 1 : name == Component.OUTBOX ? 2
                : name == Component.SIGNAL ? 3 : Integer.MAX_VALUE;
    }

    /** A copy of {@code items} with {@code item} appended. */
    static <T> T[] with(T[] items, T item) {
        T[] grown = Arrays.copyOf(items, items.length + 1);
        grown[items.length] = item;
        return grown;
    }

    /** A copy of {@code items} without {@code item}, or {@code items} itself when it is not there. */
    static <T> T[] without(T[] items, T item) {
        for (int i = 0; i < items.length; i++) {
            if (items[i] == item) {
                T[] shrunk = Arrays.copyOf(items, items.length - 1);
                System.arraycopy(items, i + 1, shrunk, i, items.length - i - 1);
                return shrunk;
            }
        }
        return items;
    }

    /** A copy of {@code items} with the one at {@code index} replaced by {@code item}. */
    static <T> T[] replaced(T[] items, int index, T item) {
        T[] copy = items.clone();
        copy[index] = item;
        return copy;
    }

    /** The inboxes' (or outboxes') names in declaration order, as an unmodifiable set over {@code boxes}. */
    static Set<String> names(BoxEntry[] boxes, boolean inboxes) {
        String[] names = Arrays.stream(boxes).filter(b -> b.isInbox() == inboxes).map(b -> b.name)
                .toArray(String[]::new);
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return Arrays.asList(names).iterator();
            }

            @Override
            public boolean contains(Object name) {
                return name instanceof String s && find(boxes, inboxes, s) != null;
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
