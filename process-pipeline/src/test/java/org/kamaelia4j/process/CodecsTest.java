package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.NewComponent;
import org.kamaelia4j.axon.ipc.Notify;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.axon.ipc.Status;
import org.kamaelia4j.process.TestComponents.Doubler;

class CodecsTest {

    record Point(int x, int y) {
    }

    record Labelled(String label, Point point, byte[] data, Long count) {
    }

    record Holder(Object inside) {
    }

    /** Serializable, but not on the default allow-list. */
    private static final URI NOT_ALLOWED = URI.create("k4j:outside-the-allow-list");

    static final class PointCodec implements MessageCodec {
        @Override
        public int tag() {
            return 64;
        }

        @Override
        public boolean accepts(Object message) {
            return message instanceof Point;
        }

        @Override
        public void write(Object message, DataOutput out) throws IOException {
            out.writeInt(((Point) message).x() + 1000);
            out.writeInt(((Point) message).y());
        }

        @Override
        public Object read(DataInput in) throws IOException {
            return new Point(in.readInt() - 1000, in.readInt());
        }
    }

    private static Object roundTrip(Codecs codecs, Object message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codecs.write(message, new DataOutputStream(bytes), "test");
        return codecs.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "test");
    }

    @Test
    void stringsBytesAndBoxedPrimitivesTakeTheFastPath() throws IOException {
        for (Object m : List.of("héllo ✓", 42, -7L, 2.5d, 1.5f, (short) 3, (byte) 9, 'q', true)) {
            assertEquals(m, roundTrip(Codecs.standard(), m));
        }
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) roundTrip(Codecs.standard(), new byte[] {1, 2, 3}));
    }

    @Test
    void recordsOfEncodableComponentsCrossAndAreRebuilt() throws IOException {
        Labelled in = new Labelled("p", new Point(1, 2), new byte[] {5}, null);
        Labelled out = (Labelled) roundTrip(Codecs.standard(), in);
        assertEquals("p", out.label());
        assertEquals(new Point(1, 2), out.point());
        assertArrayEquals(new byte[] {5}, out.data());
        assertNull(out.count());
    }

    @Test
    void ipcRecordsCrossWithTheirMicroprocessesAsNamesAndExceptionsAsRemoteFailures() throws IOException {
        Doubler caller = new Doubler();
        assertEquals(new ProducerFinished(caller.name(), "done"),
                roundTrip(Codecs.standard(), new ProducerFinished(caller, "done")));
        assertEquals(new ShutdownMicroprocess(),
                roundTrip(Codecs.standard(), new ShutdownMicroprocess(List.of(caller))));
        assertEquals(new Status("up"), roundTrip(Codecs.standard(), new Status("up")));
        assertEquals(new Notify("me", 3), roundTrip(Codecs.standard(), new Notify("me", 3)));
        IllegalStateException boom = new IllegalStateException("boom");
        ErrorInformation err = (ErrorInformation) roundTrip(Codecs.standard(), new ErrorInformation(caller, boom, "m"));
        RemoteFailure remote = assertInstanceOf(RemoteFailure.class, err.exception());
        assertEquals(IllegalStateException.class.getName(), remote.remoteClassName());
        assertEquals("boom", remote.remoteMessage());
        assertEquals(boom.getStackTrace()[0].toString(), remote.getStackTrace()[0].toString());
        RemoteFailure again = (RemoteFailure) ((ErrorInformation) roundTrip(Codecs.standard(), err)).exception();
        assertEquals(IllegalStateException.class.getName(), again.remoteClassName());
    }

    @Test
    void allowedSerializableClassesFallBackToJavaSerialization() throws IOException {
        ArrayList<Object> list = new ArrayList<>(List.of(1, "two", LocalDate.of(2024, 1, 2)));
        assertEquals(list, roundTrip(Codecs.standard(), list));
        assertEquals(Map.of("k", 1), roundTrip(Codecs.standard(), new java.util.HashMap<>(Map.of("k", 1))));
    }

    @Test
    void whatCannotCrossFailsAtTheSenderNamingTheClass() {
        MessageEncodingException plain = assertThrows(MessageEncodingException.class,
                () -> roundTrip(Codecs.standard(), new Object()));
        assertTrue(plain.getMessage().contains("java.lang.Object"), plain.getMessage());
        MessageEncodingException notAllowed = assertThrows(MessageEncodingException.class,
                () -> roundTrip(Codecs.standard(), NOT_ALLOWED));
        assertTrue(notAllowed.getMessage().contains("java.net.URI"), notAllowed.getMessage());
        MessageEncodingException inside = assertThrows(MessageEncodingException.class,
                () -> roundTrip(Codecs.standard(), new Holder(new Object())));
        assertTrue(inside.getMessage().contains("'inside'"), inside.getMessage());
        assertThrows(MessageEncodingException.class, () -> roundTrip(Codecs.standard(), new NewComponent()));
    }

    @Test
    void theAllowListIsConfigurable() throws IOException {
        Codecs allowing = Codecs.builder().allow("java.net.URI").build();
        assertEquals(NOT_ALLOWED, roundTrip(allowing, NOT_ALLOWED));
        assertThrows(IllegalArgumentException.class, () -> Codecs.builder().allow("a;b"));
        assertThrows(IllegalArgumentException.class, () -> Codecs.builder().allow("!*"));
    }

    @Test
    void theReceiverRefusesClassesItsAllowListLacks() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Codecs.builder().allow("java.net.URI").build().write(NOT_ALLOWED, new DataOutputStream(bytes), "w");
        MessageEncodingException refused = assertThrows(MessageEncodingException.class, () -> Codecs.standard()
                .read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "r"));
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    }

    @Test
    void userCodecsComeFirstAndTheirTagsAreChecked() throws IOException {
        Codecs codecs = Codecs.builder().codec(new PointCodec()).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codecs.write(new Point(3, 4), new DataOutputStream(bytes), "w");
        assertEquals(64, bytes.toByteArray()[0]);
        assertEquals(new Point(3, 4), roundTrip(codecs, new Point(3, 4)));
        assertThrows(IllegalArgumentException.class, () -> Codecs.builder().codec(new PointCodec())
                .codec(new PointCodec()));
        MessageEncodingException unknown = assertThrows(MessageEncodingException.class, () -> Codecs.standard()
                .read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "r"));
        assertTrue(unknown.getMessage().contains("tag 64"), unknown.getMessage());
    }
}
