package org.kamaelia4j.axon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The microprocesses a scheduler has admitted and not yet retired: what {@link Scheduler#stop()}
 * stops and {@link Scheduler#microprocesses()} lists. Admitting and retiring happen once per
 * microprocess, millions of times when a program makes components by the million, so each costs
 * a short critical section and no allocation: a microprocess remembers the slot of the table it
 * was put in ({@link Microprocess#liveSlot}), and a freed slot is reused.
 *
 * <p>The set is split into stripes, chosen by the microprocess's id, each with its own lock,
 * so that workers admitting and retiring at once rarely wait for each other. A stripe's table
 * shrinks again when a quarter or less of it is in use, so a burst of components leaves no large
 * table behind.
 *
 * <p>Thread-safe.
 */
final class LiveSet {

    private final Stripe[] stripes;
    private final int mask;

    /** A set with at least {@code minStripes} stripes (rounded up to a power of two). */
    LiveSet(int minStripes) {
        int n = Integer.highestOneBit(Math.max(1, minStripes - 1)) << 1;
        this.stripes = new Stripe[minStripes <= 1 ? 1 : n];
        this.mask = stripes.length - 1;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Stripe();
        }
    }

    private Stripe stripeOf(Microprocess mp) {
        return stripes[(int) mp.id() & mask];
    }

    void add(Microprocess mp) {
        stripeOf(mp).add(mp);
    }

    /** Removes {@code mp}; nothing happens if it is not in the set. */
    void remove(Microprocess mp) {
        stripeOf(mp).remove(mp);
    }

    boolean contains(Microprocess mp) {
        return stripeOf(mp).contains(mp);
    }

    /** The members at some moment during the call, stripe by stripe. */
    List<Microprocess> snapshot() {
        List<Microprocess> all = new ArrayList<>();
        for (Stripe s : stripes) {
            s.addTo(all);
        }
        return all;
    }

    /** A table of members with a stack of its free slots below {@code used}; guarded by its own lock. */
    private static final class Stripe {
        private static final int MIN_CAPACITY = 16;

        private Microprocess[] table = new Microprocess[MIN_CAPACITY];
        private int[] free = new int[MIN_CAPACITY];
        private int freeCount;
        private int used;
        private int size;

        synchronized void add(Microprocess mp) {
            int slot;
            if (freeCount > 0) {
                slot = free[--freeCount];
            } else {
                if (used == table.length) {
                    table = Arrays.copyOf(table, 2 * used);
                }
                slot = used++;
            }
            table[slot] = mp;
            mp.liveSlot = slot;
            size++;
        }

        synchronized void remove(Microprocess mp) {
            int slot = mp.liveSlot;
            if (slot < 0 || slot >= used || table[slot] != mp) {
                return;
            }
            table[slot] = null;
            mp.liveSlot = -1;
            size--;
            if (used > MIN_CAPACITY && size <= used / 4) {
                compact();
            } else {
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, 2 * freeCount);
                }
                free[freeCount++] = slot;
            }
        }

        synchronized boolean contains(Microprocess mp) {
            int slot = mp.liveSlot;
            return slot >= 0 && slot < used && table[slot] == mp;
        }

        synchronized void addTo(List<Microprocess> into) {
            for (int i = 0; i < used; i++) {
                if (table[i] != null) {
                    into.add(table[i]);
                }
            }
        }

        /** Moves the members to the front of a table half the size of what was in use; renumbers their slots. */
        private void compact() {
            Microprocess[] smaller = new Microprocess[Math.max(MIN_CAPACITY, used / 2)];
            int n = 0;
            for (int i = 0; i < used; i++) {
                Microprocess mp = table[i];
                if (mp != null) {
                    mp.liveSlot = n;
                    smaller[n++] = mp;
                }
            }
            table = smaller;
            used = n;
            free = new int[Math.max(MIN_CAPACITY, Math.min(free.length, smaller.length))];
            freeCount = 0;
        }
    }
}
