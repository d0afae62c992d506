package org.kamaelia4j.process;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array written as a {@link DataOutput}, in the same big-endian format as
 * {@code DataOutputStream} but without its per-call locking and copying: the encoder of a link's
 * open batch. Its bytes are read in place, patched ({@link #putInt}) and cut back
 * ({@link #truncate}).
 *
 * <p>Used by one thread at a time.
 */
final class BatchOutput extends OutputStream implements DataOutput {

    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] bytes = new byte[1024];
    private int size;
    private DataOutputStream utf;

    /** The bytes written so far; valid up to {@link #size()}. */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** Forgets everything written. */
    void reset() {
        size = 0;
    }

    /** Forgets what was written after the first {@code newSize} bytes. */
    void truncate(int newSize) {
        size = newSize;
    }

    /** Overwrites the four bytes at {@code at} with {@code value}, as {@link #writeInt} writes it. */
    void putInt(int at, int value) {
        INTS.set(bytes, at, value);
    }

    /** Makes room for {@code n} more bytes and returns where they go; may replace {@link #bytes}. */
    private int claim(int n) {
        int at = size;
        if (at + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(at + n, 2 * bytes.length));
        }
        size = at + n;
        return at;
    }

    @Override
    public void write(int b) {
        int at = claim(1);
        bytes[at] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int at = claim(len);
        System.arraycopy(b, off, bytes, at, len);
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        int at = claim(Short.BYTES);
        SHORTS.set(bytes, at, (short) v);
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        int at = claim(Integer.BYTES);
        INTS.set(bytes, at, v);
    }

    @Override
    public void writeLong(long v) {
        int at = claim(Long.BYTES);
        LONGS.set(bytes, at, v);
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    @Override
    public void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }

    /** Modified UTF-8, as {@code DataOutputStream} writes it (whose code does it, into this buffer). */
    @Override
    public void writeUTF(String s) throws IOException {
        if (utf == null) {
            utf = new DataOutputStream(this);
        }
        utf.writeUTF(s);
    }
}
