package org.kamaelia4j.tools;

import java.util.HashMap;
import java.util.Map;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Instrumentation;

/**
 * Messages per second into each inbox, from the inbox's delivery counter sampled about once a
 * second: the core reads no clock per message.
 *
 * <pre>{@code
 * Rates rates = new Rates();
 * rates.sample(components);                  // once a second
 * double perSecond = rates.rate(c, "inbox");
 * }</pre>
 *
 * <p>Threading: {@link #sample} and {@link #rate} are synchronized; the sampler is one thread.
 */
final class Rates {

    private record Key(Component component, String box) {
    }

    private record Reading(long count, long nanos, double rate) {
    }

    private Map<Key, Reading> readings = new HashMap<>();

    /** Reads the counters of every inbox of {@code components}; forgets the others. */
    synchronized void sample(Iterable<Component> components) {
        long now = System.nanoTime();
        Map<Key, Reading> next = new HashMap<>();
        for (Component c : components) {
            for (String box : c.inboxNames()) {
                Key key = new Key(c, box);
                long count = Instrumentation.delivered(c, box);
                Reading before = readings.get(key);
                double rate = 0;
                if (before != null && now > before.nanos) {
                    rate = (count - before.count) * 1e9 / (now - before.nanos);
                }
                next.put(key, new Reading(count, now, rate));
            }
        }
        readings = next;
    }

    /** The last measured rate into the inbox, in messages per second (0 before two samples). */
    synchronized double rate(Component c, String box) {
        Reading r = readings.get(new Key(c, box));
        return r == null ? 0 : Math.round(r.rate * 10) / 10.0;
    }
}
