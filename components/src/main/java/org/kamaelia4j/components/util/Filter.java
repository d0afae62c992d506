package org.kamaelia4j.components.util;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Passes on the messages that satisfy a predicate and drops the rest (Kamaelia's
 * {@code Util.Filter}, with a Java predicate in place of a filter object).
 *
 * <pre>{@code
 * new Pipeline(new DataSource(1, 2, 3, 4), new Filter<Integer>(x -> x % 2 == 0),
 *         new ConsoleEchoer()).run();     // 2, 4
 * }</pre>
 *
 * <p>The predicate runs in the component's slices and should be quick.
 *
 * @param <T> the type of the messages
 */
public final class Filter<T> extends Transformer {

    private final Predicate<? super T> predicate;

    /** A filter keeping the messages for which {@code predicate} is true. */
    public Filter(Predicate<? super T> predicate) {
        super(boxes("messages to filter", "the messages the predicate accepts"));
        this.predicate = Objects.requireNonNull(predicate, "Filter: the predicate must be non-null");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void process(Object msg) {
        if (predicate.test((T) msg)) {
            emit(msg);
        }
    }
}
