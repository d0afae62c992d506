package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** BatchOutput and BatchInput speak DataOutputStream's format, grow as needed and never read past their window. */
class BatchStreamsTest {

    private static final byte[] BIG = new byte[5000];

    static {
        Arrays.fill(BIG, (byte) 7);
    }

    private static void writeEverything(DataOutput out) throws IOException {
        out.write(1);
        out.writeBoolean(true);
        out.writeByte(-2);
        out.writeShort(-3);
        out.writeChar('é');
        out.writeInt(-4);
        out.writeLong(Long.MIN_VALUE + 5);
        out.writeFloat(6.5f);
        out.writeDouble(-7.25);
        out.writeBytes("ab\n");
        out.writeChars("cd");
        out.writeUTF("ünïcode \u0000 and more");
        out.write(BIG);
        out.write(BIG, 10, 20);
    }

    private static void readEverything(DataInput in) throws IOException {
        assertEquals(1, in.readUnsignedByte());
        assertEquals(true, in.readBoolean());
        assertEquals(-2, in.readByte());
        assertEquals(-3, in.readShort());
        assertEquals('é', in.readChar());
        assertEquals(-4, in.readInt());
        assertEquals(Long.MIN_VALUE + 5, in.readLong());
        assertEquals(6.5f, in.readFloat());
        assertEquals(-7.25, in.readDouble());
        assertEquals("ab", in.readLine());
        assertEquals('c', in.readChar());
        assertEquals('d', in.readChar());
        assertEquals("ünïcode \u0000 and more", in.readUTF());
        byte[] big = new byte[BIG.length];
        in.readFully(big);
        assertArrayEquals(BIG, big);
        byte[] part = new byte[20];
        in.readFully(part);
        assertArrayEquals(Arrays.copyOfRange(BIG, 10, 30), part);
    }

    @Test
    void batchOutputWritesExactlyWhatDataOutputStreamWrites() throws IOException {
        BatchOutput ours = new BatchOutput();
        writeEverything(ours);
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        writeEverything(new DataOutputStream(theirs));
        assertArrayEquals(theirs.toByteArray(), Arrays.copyOf(ours.array(), ours.size()));
    }

    @Test
    void batchInputReadsWhatDataOutputStreamWrote() throws IOException {
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        writeEverything(new DataOutputStream(theirs));
        byte[] bytes = theirs.toByteArray();
        BatchInput in = new BatchInput();
        in.window(bytes, 0, bytes.length);
        readEverything(in);
        assertEquals(bytes.length, in.position());
        readEverything(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void truncatingAndPatchingEditWhatWasWritten() throws IOException {
        BatchOutput out = new BatchOutput();
        out.writeInt(0);
        out.writeLong(99);
        out.putInt(0, 8);
        int mark = out.size();
        out.write(BIG);
        out.truncate(mark);
        BatchInput in = new BatchInput();
        in.window(out.array(), 0, out.size());
        assertEquals(8, in.readInt());
        assertEquals(99, in.readLong());
        assertEquals(-1, in.read());
        out.reset();
        assertEquals(0, out.size());
    }

    @Test
    void readingPastTheWindowFailsInsteadOfReadingTheNextMessage() throws IOException {
        byte[] bytes = {0, 0, 0, 1, 0, 0, 0, 2, '\r', '\n', 'x'};
        BatchInput in = new BatchInput();
        in.window(bytes, 0, 6);
        assertEquals(1, in.readInt());
        assertThrows(EOFException.class, in::readInt);
        assertEquals(2, in.skipBytes(5));
        assertEquals(-1, in.read(new byte[4], 0, 4));
        in.window(bytes, 8, 11);
        assertEquals("", in.readLine());
        assertEquals("x", in.readLine());
        assertNull(in.readLine());
    }
}
