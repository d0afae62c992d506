package org.kamaelia4j.components.protocol;

import java.util.Arrays;

/**
 * A growable byte buffer that chunks of a stream are appended to and whole units are taken from,
 * whatever the chunk boundaries: the shared core of the de-framers and the HTTP parser.
 * Not thread-safe: it belongs to one component's slices.
 */
final class ByteAccumulator {

    private byte[] bytes = new byte[256];
    private int start;
    private int end;

    /** Bytes held. */
    int size() {
        return end - start;
    }

    /** Appends a chunk. */
    void append(byte[] chunk) {
        append(chunk, 0, chunk.length);
    }

    /** Appends {@code length} bytes of {@code chunk} from {@code offset}. */
    void append(byte[] chunk, int offset, int length) {
        if (end + length > bytes.length) {
            int held = size();
            if (held + length > bytes.length / 2) {
                bytes = Arrays.copyOfRange(bytes, start, start + Math.max(bytes.length * 2, held + length));
            } else {
                System.arraycopy(bytes, start, bytes, 0, held);
            }
            start = 0;
            end = held;
        }
        System.arraycopy(chunk, offset, bytes, end, length);
        end += length;
    }

    /** The byte at {@code index} (0 = oldest held). */
    byte get(int index) {
        return bytes[start + index];
    }

    /** Index of the first occurrence of {@code pattern} at or after {@code from}, or -1. */
    int indexOf(byte[] pattern, int from) {
        int last = end - pattern.length;
        outer:
        for (int i = start + from; i <= last; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i - start;
        }
        return -1;
    }

    /** A copy of {@code length} bytes from {@code from}, leaving them in place. */
    byte[] peek(int from, int length) {
        return Arrays.copyOfRange(bytes, start + from, start + from + length);
    }

    /** Removes and returns the oldest {@code length} bytes. */
    byte[] take(int length) {
        byte[] taken = peek(0, length);
        skip(length);
        return taken;
    }

    /** Drops the oldest {@code length} bytes. */
    void skip(int length) {
        start += length;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }
}
