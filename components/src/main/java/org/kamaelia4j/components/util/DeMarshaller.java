package org.kamaelia4j.components.util;

import java.util.Objects;

/**
 * Decodes every message with a {@link Codec} (Kamaelia's {@code Util.Marshalling.DeMarshaller}).
 *
 * <pre>{@code
 * new Pipeline(socketClient, new DeMarshaller<>(Codec.utf8()), new ConsoleEchoer()).run();
 * }</pre>
 *
 * <p>{@link Marshaller} does the reverse. A message the codec cannot decode fails the
 * component, and {@code ErrorInformation} goes out on {@code signal}.
 *
 * @param <A> the decoded type, sent on {@code outbox}
 * @param <B> the encoded type, arriving on {@code inbox}
 */
public final class DeMarshaller<A, B> extends Transformer {

    private final Codec<A, B> codec;

    /** A de-marshaller decoding with {@code codec}. */
    public DeMarshaller(Codec<A, B> codec) {
        super(boxes("encoded values", "the values they decode to"));
        this.codec = Objects.requireNonNull(codec, "DeMarshaller: the codec must be non-null");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void process(Object msg) {
        emit(codec.decode((B) msg));
    }
}
