package org.kamaelia4j.components.util;

import java.util.Objects;
import java.util.function.Function;

/**
 * Applies a function to every message and sends the result on; a null result sends nothing
 * (Kamaelia's {@code Util.PureTransformer}).
 *
 * <pre>{@code
 * new Pipeline(new DataSource(1, 2, 3), new PureTransformer<Integer, Integer>(x -> x * x),
 *         new ConsoleEchoer()).run();     // 1, 4, 9
 * }</pre>
 *
 * <p>The function runs in the component's slices, so it should be quick and must not block. If it
 * throws, the component fails and {@code ErrorInformation} goes out on {@code signal}.
 *
 * @param <A> what arrives on {@code inbox}
 * @param <B> what goes out on {@code outbox}
 */
public final class PureTransformer<A, B> extends Transformer {

    private final Function<? super A, ? extends B> function;

    /** A transformer applying {@code function} to each message. */
    public PureTransformer(Function<? super A, ? extends B> function) {
        super(boxes("messages to transform", "the results of the function, nulls left out"));
        this.function = Objects.requireNonNull(function, "PureTransformer: the function must be non-null");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void process(Object msg) {
        B result = function.apply((A) msg);
        if (result != null) {
            emit(result);
        }
    }
}
