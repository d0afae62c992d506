package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The watcher wakes only when armed, refuses to arm when the slice may have missed a change, and loses no wake. */
class WatcherTest {

    private final AtomicLong counter = new AtomicLong();
    private final AtomicInteger wakes = new AtomicInteger();
    private final Semaphore woken = new Semaphore(0);

    private Watcher watcher() {
        return new Watcher("test", List.of(counter::get), () -> {
            wakes.incrementAndGet();
            woken.release();
        }).start();
    }

    @Test
    void anArmedWatcherWakesOnceOnAChangeAndADisarmedOneNever() throws InterruptedException {
        try (Watcher w = watcher()) {
            w.sliceStarting();
            counter.incrementAndGet();   // the microprocess is running: no wake
            assertFalse(woken.tryAcquire(50, TimeUnit.MILLISECONDS));
            w.sliceStarting();
            assertTrue(w.arm());
            counter.incrementAndGet();
            assertTrue(woken.tryAcquire(10, TimeUnit.SECONDS));
            counter.incrementAndGet();   // disarmed by the wake
            assertFalse(woken.tryAcquire(50, TimeUnit.MILLISECONDS));
            assertEquals(1, wakes.get());
        }
    }

    @Test
    void armingRefusesWhenTheCountersMovedDuringTheSlice() {
        try (Watcher w = watcher()) {
            assertFalse(w.arm(), "before any slice was noted");
            w.sliceStarting();
            counter.incrementAndGet();
            assertFalse(w.arm(), "the slice may have missed that change");
            w.sliceStarting();
            assertTrue(w.arm());
        }
    }

    /**
     * A producer thread counts up in bursts; a consumer "slice" takes whatever the counter says and
     * pauses (arms and waits to be woken) when it has caught up. If a wake were lost, it would wait
     * for ever with the counter ahead of it.
     */
    @Test
    @Timeout(60)
    void noWakeIsLostUnderARacingProducer() throws InterruptedException {
        long total = 200_000;
        Thread producer = Thread.ofPlatform().start(() -> {
            for (long i = 0; i < total; i++) {
                counter.incrementAndGet();
                if ((i & 255) == 0) {
                    Thread.yield();
                }
            }
        });
        long consumed = 0;
        try (Watcher w = watcher()) {
            while (consumed < total) {
                w.sliceStarting();
                long available = counter.get();
                if (available > consumed) {
                    consumed = available;
                } else if (w.arm()) {
                    assertTrue(woken.tryAcquire(30, TimeUnit.SECONDS),
                            "paused with the counter at " + counter.get() + " and " + consumed + " consumed");
                }
            }
        }
        producer.join();
        assertEquals(total, consumed);
    }
}
