package org.kamaelia4j.process;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns messages of some types into bytes and back, for links between JVMs; plugged in with
 * {@link Codecs.Builder#codec(MessageCodec)}.
 *
 * <pre>{@code
 * final class PointCodec implements MessageCodec {
 *     public int tag() { return 64; }
 *     public boolean accepts(Object m) { return m instanceof Point; }
 *     public void write(Object m, DataOutput out) throws IOException {
 *         Point p = (Point) m;
 *         out.writeInt(p.x());
 *         out.writeInt(p.y());
 *     }
 *     public Object read(DataInput in) throws IOException { return new Point(in.readInt(), in.readInt()); }
 * }
 * }</pre>
 *
 * <p>Every encoded message starts with the tag of the codec that wrote it, so tags must be unique
 * among the codecs of one network; tags {@value #FIRST_USER_TAG} to 127 are for users, lower ones
 * belong to the built-in codecs. Codecs added by the user are asked before the built-in ones, in
 * the order they were added. A codec is serialized and shipped to every stage JVM, and it is used
 * from one thread at a time per link.
 */
public interface MessageCodec extends Serializable {

    /** The lowest tag a user codec may have. */
    int FIRST_USER_TAG = 64;

    /** This codec's tag, {@value #FIRST_USER_TAG} to 127, unique among the codecs in use. */
    int tag();

    /** True when this codec can write {@code message}. */
    boolean accepts(Object message);

    /** Writes {@code message}, which {@link #accepts} accepted. */
    void write(Object message, DataOutput out) throws IOException;

    /** Reads back a message that {@link #write} wrote. */
    Object read(DataInput in) throws IOException;
}
