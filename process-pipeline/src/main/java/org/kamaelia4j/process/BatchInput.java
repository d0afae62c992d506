package org.kamaelia4j.process;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A window on a byte array read as a {@link DataInput}, in the format {@link BatchOutput} and
 * {@code DataOutputStream} write, without {@code DataInputStream}'s per-call locking: the decoder
 * of a batch a link's reader received. Reading past the window's end throws
 * {@link EOFException}, so a codec can never read into the next message.
 *
 * <p>Used by one thread at a time.
 */
final class BatchInput extends InputStream implements DataInput {

    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] bytes = new byte[0];
    private int position;
    private int end;

    /** Reads {@code bytes} from index {@code from} up to, not including, {@code to}. */
    void window(byte[] source, int from, int to) {
        bytes = source;
        position = from;
        end = to;
    }

    /** The index in the array of the next byte to read. */
    int position() {
        return position;
    }

    private int take(int n) throws EOFException {
        int at = position;
        if (n > end - at) {
            throw new EOFException("wanted " + n + " bytes, " + (end - at) + " left");
        }
        position = at + n;
        return at;
    }

    @Override
    public int read() {
        return position < end ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = Math.min(len, end - position);
        if (n <= 0) {
            return -1;
        }
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        System.arraycopy(bytes, take(len), b, off, len);
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        return bytes[take(1)];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xff;
    }

    @Override
    public short readShort() throws IOException {
        return (short) SHORTS.get(bytes, take(Short.BYTES));
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xffff;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        return (int) INTS.get(bytes, take(Integer.BYTES));
    }

    @Override
    public long readLong() throws IOException {
        return (long) LONGS.get(bytes, take(Long.BYTES));
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** A line of bytes taken as Latin-1 characters, ended by \n, \r or \r\n, as {@code DataInputStream} reads it. */
    @Override
    public String readLine() {
        if (position >= end) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        while (position < end) {
            char c = (char) (bytes[position++] & 0xff);
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                if (position < end && bytes[position] == '\n') {
                    position++;
                }
                break;
            }
            line.append(c);
        }
        return line.toString();
    }

    @Override
    public String readUTF() throws IOException {
        return DataInputStream.readUTF(this);
    }
}
