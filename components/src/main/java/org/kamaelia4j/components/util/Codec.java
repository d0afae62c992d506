package org.kamaelia4j.components.util;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A two-way conversion between a value and its encoded form, for {@link Marshaller} and
 * {@link DeMarshaller} (Kamaelia's {@code Util.Marshalling} takes a class with
 * {@code marshall}/{@code demarshall} methods; this is that, typed).
 *
 * <pre>{@code
 * Codec<String, byte[]> utf8 = Codec.utf8();
 * new Pipeline(new DataSource("héllo"), new Marshaller<>(utf8), new DeMarshaller<>(utf8),
 *         new ConsoleEchoer()).run();
 * }</pre>
 *
 * <p>Implementations should be stateless (or at least safe to call from the components' slices)
 * and throw an unchecked exception naming what was wrong with bad input.
 *
 * @param <A> the decoded type
 * @param <B> the encoded type
 */
public interface Codec<A, B> {

    /** The encoded form of {@code value}. */
    B encode(A value);

    /** The value that {@code encoded} encodes. */
    A decode(B encoded);

    /** Strings as UTF-8 bytes; malformed input decodes with replacement characters. */
    static Codec<String, byte[]> utf8() {
        return new Codec<>() {
            @Override
            public byte[] encode(String value) {
                return value.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String decode(byte[] encoded) {
                return new String(encoded, StandardCharsets.UTF_8);
            }
        };
    }

    /**
     * Java serialization: any {@link Serializable} object graph as bytes. Decode only bytes from a
     * source you trust: deserialization can run code of any class on the class path.
     */
    static Codec<Serializable, byte[]> javaSerialization() {
        return new Codec<>() {
            @Override
            public byte[] encode(Serializable value) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(value);
                } catch (IOException e) {
                    throw new UncheckedIOException("Codec.javaSerialization cannot encode a "
                            + value.getClass().getName() + ": " + e.getMessage(), e);
                }
                return bytes.toByteArray();
            }

            @Override
            public Serializable decode(byte[] encoded) {
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(encoded))) {
                    return (Serializable) in.readObject();
                } catch (IOException | ClassNotFoundException e) {
                    throw new IllegalArgumentException("Codec.javaSerialization cannot decode " + encoded.length
                            + " bytes: " + e, e);
                }
            }
        };
    }
}
