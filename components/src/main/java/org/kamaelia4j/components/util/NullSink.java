package org.kamaelia4j.components.util;

/**
 * Swallows every message it receives (Kamaelia's {@code Util.NullSink}); finishes and passes on
 * the shutdown message like any other component, so a pipeline ending in it ends.
 *
 * <pre>{@code
 * new Pipeline(new Clock(Duration.ofMillis(10), 100), new NullSink()).run();
 * }</pre>
 */
public final class NullSink extends Transformer {

    /** A sink with the standard boxes. */
    public NullSink() {
        super(boxes("messages to discard", "not used"));
    }
}
