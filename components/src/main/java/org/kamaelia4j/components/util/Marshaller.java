package org.kamaelia4j.components.util;

import java.util.Objects;

/**
 * Encodes every message with a {@link Codec} (Kamaelia's {@code Util.Marshalling.Marshaller}).
 *
 * <pre>{@code
 * new Pipeline(new ConsoleReader(), new Marshaller<>(Codec.utf8()), socketClient).run();
 * }</pre>
 *
 * <p>{@link DeMarshaller} does the reverse. A message the codec cannot encode fails the
 * component, and {@code ErrorInformation} goes out on {@code signal}.
 *
 * @param <A> the decoded type, arriving on {@code inbox}
 * @param <B> the encoded type, sent on {@code outbox}
 */
public final class Marshaller<A, B> extends Transformer {

    private final Codec<A, B> codec;

    /** A marshaller encoding with {@code codec}. */
    public Marshaller(Codec<A, B> codec) {
        super(boxes("values to encode", "their encoded form"));
        this.codec = Objects.requireNonNull(codec, "Marshaller: the codec must be non-null");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void process(Object msg) {
        emit(codec.encode((A) msg));
    }
}
