package org.kamaelia4j.components.util;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Passes messages on at no more than a given rate, after an initial burst (Kamaelia's
 * {@code Util.RateFilter.MessageRateLimit}).
 *
 * <pre>{@code
 * // at most 25 frames a second, with up to 5 sent at once after a stall
 * new Pipeline(frames, new MessageRateLimit(25, 5), display).run();
 * }</pre>
 *
 * <p>It is a token bucket: it starts with {@code burst} tokens, gains {@code perSecond} tokens a
 * second up to {@code burst}, and spends one per message. While it has no token it leaves
 * messages in its inbox (so a bounded inbox pushes back on the producer) and asks the shared
 * {@link WakeTimer} to wake it when the next token is due; it never sleeps in a slice.
 */
public final class MessageRateLimit extends Transformer {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastRefill;
    private Future<?> wake;

    /** A limiter passing at most {@code perSecond} messages a second, and {@code burst} at once. */
    public MessageRateLimit(double perSecond, int burst) {
        super(boxes("messages to pass on", "the same messages, at most perSecond a second"));
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("MessageRateLimit needs a positive rate and a burst >= 1, got "
                    + perSecond + " and " + burst);
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = System.nanoTime();
    }

    @Override
    protected boolean canProcess() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastRefill) * perNano);
        lastRefill = now;
        if (tokens >= 1) {
            return true;
        }
        // a fresh wake each time: a previous one may have run unpause() yet not count as done
        if (wake != null) {
            wake.cancel(false);
        }
        wake = WakeTimer.wakeAfter(this, Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
        return false;
    }

    @Override
    protected void process(Object msg) {
        tokens -= 1;
        emit(msg);
    }

    @Override
    protected void closeDownComponent() {
        if (wake != null) {
            wake.cancel(false);
        }
    }
}
