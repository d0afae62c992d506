package org.kamaelia4j.components.util;

import java.time.Duration;

import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Sends a tick every period (Kamaelia's {@code Util.Clock.CheapAndCheerfulClock}): the tick's
 * number, counting from 1, as a {@code Long}.
 *
 * <pre>{@code
 * new Pipeline(new Clock(Duration.ofSeconds(1), 10), new ConsoleEchoer(System.out, false, "\n")).run();
 * }</pre>
 *
 * <p>The shared {@link WakeTimer} thread counts due ticks and wakes the clock; the clock sends
 * them in its own slice and otherwise sleeps, costing nothing. No tick is lost: when the
 * destination is full, due ticks are counted (not queued) and sent once there is room. With a
 * positive {@code count} it sends {@code ProducerFinished} after the last tick; with 0 it runs
 * until a {@code ShutdownMicroprocess} or {@code ProducerFinished} arrives on {@code control}.
 */
public final class Clock extends Transformer {

    private final Duration period;
    private final long count;
    private long sent;
    private WakeTimer.Ticker ticker;

    /** A clock ticking every {@code period}, forever. */
    public Clock(Duration period) {
        this(period, 0);
    }

    /** A clock ticking every {@code period}, {@code count} times (0: forever). */
    public Clock(Duration period, long count) {
        super(boxes("not used", "tick numbers, 1, 2, 3..., one per period"));
        if (period.isNegative() || period.isZero() || count < 0) {
            throw new IllegalArgumentException("Clock needs a positive period and a count >= 0, got " + period
                    + " and " + count);
        }
        this.period = period;
        this.count = count;
    }

    @Override
    protected void initialiseComponent() {
        ticker = WakeTimer.ticker(this, period);
    }

    @Override
    protected boolean poll() {
        long now = ticker.due();
        while (sent < now && (count == 0 || sent < count) && !holding() && shutdownMessage() == null) {
            emit(++sent);
        }
        if (count > 0 && sent == count) {
            finishWith(new ProducerFinished(this, null));
        }
        return false;
    }

    @Override
    protected void closeDownComponent() {
        if (ticker != null) {
            ticker.cancel();
        }
    }
}
