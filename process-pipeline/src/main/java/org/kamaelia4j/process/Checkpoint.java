package org.kamaelia4j.process;

import java.nio.file.Path;

/**
 * A restartable stage's last consistent position, in a memory-mapped file that outlives its JVM:
 * for each input link the sequence number and queue index of the last message handed to the
 * component, for each output link the sequence number of the last message written.
 *
 * <p>Two slots are written alternately; each starts and ends with its generation number, written
 * first and last, so a JVM killed halfway through a save leaves a slot whose two generations differ,
 * and {@link #load()} falls back to the other one.
 */
final class Checkpoint {

    private final SharedLongs longs;
    private final int inputs;
    private final int outputs;
    private final int slotSize;
    private long generation;

    /** Where a stage resumes: per input link the last delivered number and index, per output the last written. */
    record Position(long[] inputSeq, long[] inputIndex, long[] outputSeq) {

        /** Nothing read (index -1: from the start), nothing written. */
        static Position fresh(int inputs, int outputs) {
            long[] index = new long[inputs];
            java.util.Arrays.fill(index, -1);
            return new Position(new long[inputs], index, new long[outputs]);
        }
    }

    Checkpoint(Path file, int inputs, int outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.slotSize = 2 + 2 * inputs + outputs;
        this.longs = new SharedLongs(file, 2 * slotSize);
    }

    /** The latest complete checkpoint; a fresh position (nothing read, nothing written) when there is none. */
    Position load() {
        Position best = Position.fresh(inputs, outputs);
        for (int slot = 0; slot < 2; slot++) {
            int base = slot * slotSize;
            long head = longs.get(base);
            if (head > generation && head == longs.get(base + slotSize - 1)) {
                generation = head;
                long[] seq = new long[inputs];
                long[] index = new long[inputs];
                long[] out = new long[outputs];
                for (int i = 0; i < inputs; i++) {
                    seq[i] = longs.get(base + 1 + i);
                    index[i] = longs.get(base + 1 + inputs + i);
                }
                for (int j = 0; j < outputs; j++) {
                    out[j] = longs.get(base + 1 + 2 * inputs + j);
                }
                best = new Position(seq, index, out);
            }
        }
        return best;
    }

    /** Saves a new checkpoint into the older slot. */
    void save(long[] inputSeq, long[] inputIndex, long[] outputSeq) {
        long next = ++generation;
        int base = (int) (next & 1) * slotSize;
        longs.set(base, next);
        for (int i = 0; i < inputs; i++) {
            longs.set(base + 1 + i, inputSeq[i]);
            longs.set(base + 1 + inputs + i, inputIndex[i]);
        }
        for (int j = 0; j < outputs; j++) {
            longs.set(base + 1 + 2 * inputs + j, outputSeq[j]);
        }
        longs.set(base + slotSize - 1, next);
    }
}
