package org.kamaelia4j.components.protocol;

import java.net.ProtocolException;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.ipc.ErrorInformation;

/**
 * What the stream components here say about their input: the type check on {@code inbox} and the
 * {@link ErrorInformation} for a stream that breaks its format.
 *
 * <pre>{@code
 * protected void process(Object msg) {
 *     byte[] data = StreamInput.of(this, byte[].class, msg);   // IllegalArgumentException naming this
 *     if (bad(data)) finishNow(StreamInput.malformed(this, "a broken header"));
 * }
 * }</pre>
 *
 * <p>Stateless; callable from any thread.
 */
final class StreamInput {

    private StreamInput() {
    }

    /** {@code message} as a {@code type}; otherwise an exception naming the component and what came. */
    static <T> T of(Component component, Class<T> type, Object message) {
        if (type.isInstance(message)) {
            return type.cast(message);
        }
        throw new IllegalArgumentException(component.name() + " takes " + type.getSimpleName() + " on 'inbox', got "
                + (message == null ? "null" : message.getClass().getName()));
    }

    /** The report of a malformed stream: a {@link ProtocolException} with the component's name and the reason. */
    static ErrorInformation malformed(Component component, String reason) {
        String message = component.name() + ": " + reason;
        return new ErrorInformation(component, new ProtocolException(message), message);
    }
}
