package org.kamaelia4j.components.util;

import java.util.HashSet;
import java.util.Set;

/**
 * Passes on each message the first time it is seen and drops repeats, by {@code equals}
 * (Kamaelia's {@code Util.UnseenOnly}).
 *
 * <pre>{@code
 * new Pipeline(new DataSource("a", "b", "a", "c", "b"), new UnseenOnly(), new ConsoleEchoer()).run();
 * // a, b, c
 * }</pre>
 *
 * <p>It remembers every distinct message it has passed, so its memory grows with the number of
 * distinct messages.
 */
public final class UnseenOnly extends Transformer {

    private final Set<Object> seen = new HashSet<>();

    /** An unseen-only filter with the standard boxes. */
    public UnseenOnly() {
        super(boxes("messages", "each distinct message, the first time it arrives"));
    }

    @Override
    protected void process(Object msg) {
        if (seen.add(msg)) {
            emit(msg);
        }
    }
}
