package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scheduler's live set: membership, slot reuse, shrinking, and concurrent admitting and retiring. */
class LiveSetTest {

    private static List<Microprocess> make(int n) {
        List<Microprocess> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(new TestComponents.Passive());
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void holdsExactlyWhatWasAddedAndNotRemoved(int stripes) {
        LiveSet live = new LiveSet(stripes);
        List<Microprocess> all = make(1000);
        all.forEach(live::add);
        for (int i = 0; i < all.size(); i += 2) {
            live.remove(all.get(i));
        }
        live.remove(all.get(0));   // twice: nothing happens
        live.remove(new TestComponents.Passive());   // never added: nothing happens
        Set<Microprocess> expected = new HashSet<>();
        for (int i = 1; i < all.size(); i += 2) {
            expected.add(all.get(i));
            assertTrue(live.contains(all.get(i)));
            assertFalse(live.contains(all.get(i - 1)));
        }
        assertEquals(expected, new HashSet<>(live.snapshot()));
        assertEquals(expected.size(), live.snapshot().size(), "each once");
    }

    @Test
    void aFreedSlotIsReusedAndAShrunkTableKeepsEveryMember() {
        LiveSet live = new LiveSet(1);
        List<Microprocess> all = make(10_000);
        all.forEach(live::add);
        Microprocess gone = all.get(5);
        int slot = gone.liveSlot;
        live.remove(gone);
        assertEquals(-1, gone.liveSlot);
        Microprocess newcomer = new TestComponents.Passive();
        live.add(newcomer);
        assertEquals(slot, newcomer.liveSlot, "the freed slot is taken again");
        List<Microprocess> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 100 == 0 && i != 5) {
                kept.add(all.get(i));
            } else if (i != 5) {
                live.remove(all.get(i));
            }
        }
        kept.add(newcomer);
        assertEquals(new HashSet<>(kept), new HashSet<>(live.snapshot()));
        for (Microprocess mp : kept) {
            assertTrue(live.contains(mp));
            assertTrue(mp.liveSlot < 1000, "renumbered into a smaller table: " + mp.liveSlot);
        }
    }

    /** Threads add and remove their own microprocesses at once; every stripe ends exactly right. */
    @Test
    @Timeout(60)
    void concurrentAddsAndRemovesLoseNothing() throws InterruptedException {
        LiveSet live = new LiveSet(4);
        int threads = 4;
        List<List<Microprocess>> survivors = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Microprocess> mine = make(20_000);
            List<Microprocess> kept = new ArrayList<>();
            survivors.add(kept);
            running.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < mine.size(); i++) {
                    live.add(mine.get(i));
                    if (i % 3 != 0) {
                        live.remove(mine.get(i));
                    } else {
                        kept.add(mine.get(i));
                    }
                }
            }));
        }
        start.countDown();
        for (Thread t : running) {
            t.join();
        }
        Set<Microprocess> expected = new HashSet<>();
        survivors.forEach(expected::addAll);
        List<Microprocess> snapshot = live.snapshot();
        assertEquals(expected.size(), snapshot.size());
        assertEquals(expected, new HashSet<>(snapshot));
        expected.forEach(mp -> assertTrue(live.contains(mp)));
    }
}
