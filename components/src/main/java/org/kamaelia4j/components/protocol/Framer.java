package org.kamaelia4j.components.protocol;

import java.nio.charset.StandardCharsets;

import org.kamaelia4j.axon.Boxes;

/**
 * Frames {@link Frame}s into bytes {@code "<tag> <length>\n<data>"} (Kamaelia's
 * {@code Framing.Framer} with {@code SimpleFrame}'s format), so that {@link DeFramer} can cut a
 * byte stream back into the same frames whatever the chunks it arrives in.
 *
 * <pre>{@code
 * new Pipeline(new DataSource(new Frame(0, a), new Frame(1, b)), new Framer(),
 *              new TcpClient("127.0.0.1", port)).activate();
 * }</pre>
 *
 * <p>Each frame becomes one {@code byte[]} message. Finishes on {@code ProducerFinished} or
 * {@code ShutdownMicroprocess} after the frames that came before, and passes it on.
 */
public final class Framer extends Transformer {

    /** A framer with the standard boxes. */
    public Framer() {
        super(Boxes.builder()
                .inbox(INBOX, "Frames to frame")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "framed bytes, one byte[] per frame")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
    }

    /** The framed bytes of one frame. */
    public static byte[] frame(Frame f) {
        byte[] header = (f.tag() + " " + f.data().length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + f.data().length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(f.data(), 0, out, header.length, f.data().length);
        return out;
    }

    @Override
    void onMessage(Object message) {
        if (!(message instanceof Frame f)) {
            throw new IllegalArgumentException(name() + " takes Frame on 'inbox', got "
                    + (message == null ? "null" : message.getClass().getName()));
        }
        emit(frame(f));
    }
}
