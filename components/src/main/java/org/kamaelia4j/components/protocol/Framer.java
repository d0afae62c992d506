package org.kamaelia4j.components.protocol;

import java.nio.charset.StandardCharsets;

import org.kamaelia4j.components.util.Transformer;

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
        super(Transformer.boxes("Frames to frame", "framed bytes, one byte[] per frame"));
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
    protected void process(Object message) {
        emit(frame(StreamInput.of(this, Frame.class, message)));
    }
}
