package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aFreshCheckpointReadsNothingReadAndNothingWritten() {
        Checkpoint.Position p = new Checkpoint(dir.resolve("c"), 2, 1).load();
        assertArrayEquals(new long[] {0, 0}, p.inputSeq());
        assertArrayEquals(new long[] {-1, -1}, p.inputIndex());
        assertArrayEquals(new long[] {0}, p.outputSeq());
    }

    @Test
    void theLatestSaveIsLoadedByTheNextIncarnation() {
        Checkpoint first = new Checkpoint(dir.resolve("c"), 1, 2);
        first.save(new long[] {5}, new long[] {500}, new long[] {7, 1});
        first.save(new long[] {6}, new long[] {600}, new long[] {8, 1});
        Checkpoint.Position p = new Checkpoint(dir.resolve("c"), 1, 2).load();
        assertArrayEquals(new long[] {6}, p.inputSeq());
        assertArrayEquals(new long[] {600}, p.inputIndex());
        assertArrayEquals(new long[] {8, 1}, p.outputSeq());
    }

    @Test
    void aSaveTornByADeathFallsBackToThePreviousOne() {
        Checkpoint first = new Checkpoint(dir.resolve("c"), 1, 0);
        first.save(new long[] {5}, new long[] {500}, new long[0]);
        first.save(new long[] {6}, new long[] {600}, new long[0]);
        // a third save into slot 1 that died after its head: generation 3 at the head, 1 at the tail
        SharedLongs raw = new SharedLongs(dir.resolve("c"), 8);
        raw.set(4, 3);
        raw.set(5, 99);
        Checkpoint.Position p = new Checkpoint(dir.resolve("c"), 1, 0).load();
        assertArrayEquals(new long[] {6}, p.inputSeq());
    }
}
