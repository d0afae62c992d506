package org.kamaelia4j.components.util;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.kamaelia4j.axon.Microprocess;

/**
 * One shared daemon timer thread that wakes paused components at a given time, so that no
 * component ever sleeps in {@code main()}.
 *
 * <pre>{@code
 * protected void initialiseComponent() { ticks = WakeTimer.ticker(this, Duration.ofSeconds(1)); }
 * protected boolean poll() {
 *     while (done < ticks.due()) { emit("tick"); done++; }   // in the component's own slice
 *     return false;
 * }
 * protected void closeDownComponent() { ticks.cancel(); }
 * }</pre>
 *
 * <p>The timer thread only runs the tiny actions it is given (typically bump a counter and
 * {@code unpause()}, which is callable from any thread and never loses a wake-up); the component
 * does its work in its own next slice. Used by {@link Clock}, {@link MessageRateLimit} and the
 * rate-controlled file reader.
 */
public final class WakeTimer {

    private static final ScheduledExecutorService TIMER = create();

    private WakeTimer() {
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kamaelia4j-wake-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Wakes {@code component} once, after {@code delay}. */
    public static Future<?> wakeAfter(Microprocess component, Duration delay) {
        return TIMER.schedule(component::unpause, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} every {@code period}, first after one period, until the future is cancelled. */
    public static Future<?> every(Duration period, Runnable action) {
        long nanos = period.toNanos();
        if (nanos <= 0) {
            throw new IllegalArgumentException("WakeTimer.every: the period must be positive, got " + period);
        }
        return TIMER.scheduleAtFixedRate(action, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts periods for {@code component} and wakes it at the end of each; cancel it when done. */
    public static Ticker ticker(Microprocess component, Duration period) {
        return new Ticker(component, period);
    }

    /** A count of elapsed periods that wakes its component at each; see {@link #ticker}. */
    public static final class Ticker {

        private final AtomicLong due = new AtomicLong();
        private final Future<?> future;

        private Ticker(Microprocess component, Duration period) {
            future = every(period, () -> {
                due.incrementAndGet();
                component.unpause();
            });
        }

        /** How many periods have ended since it started; callable from any thread. */
        public long due() {
            return due.get();
        }

        /** Stops counting. */
        public void cancel() {
            future.cancel(false);
        }
    }
}
