package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.process.TestComponents.BlobSource;
import org.kamaelia4j.process.TestComponents.GatedCollector;

class BackPressureTest {

    private static final int COUNT = 2000;
    private static final int SIZE = 16 << 10;

    /** Bytes in the files under {@code dir}; files deleted while counting count as gone. */
    private static long bytesUnder(Path dir) {
        long total = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                try {
                    if (Files.isRegularFile(p)) {
                        total += Files.size(p);
                    }
                } catch (IOException gone) {
                    // deleted between listing and sizing
                }
            }
        } catch (IOException | UncheckedIOException gone) {
            // the directory changed while walking; the next sample counts again
        }
        return total;
    }

    /**
     * 2000 messages of 16 KiB (31 MiB) through a window of 16 messages to a consumer that takes 3 ms
     * per message, with one-second queue files: the directory holds about a cycle's worth.
     */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aSlowConsumerHoldsTheProducerBackAndTheQueueDirectoryStaysSmall() throws Exception {
        LinkOptions options = LinkOptions.defaults().windowMessages(16).rollCycle(TestRollCycles.TEST_SECONDLY)
                .blockSize(256 << 10);
        ProcessPipeline pp = ProcessPipeline.of(options, Stage.of(() -> new BlobSource(COUNT, SIZE))
                .named("producer").jvmOptions(ProcessPipelineTest.SMALL_JVM));
        GatedCollector slow = new GatedCollector(4, true, Duration.ofMillis(3));
        Scheduler s = Scheduler.create(2);
        new Pipeline(pp, slow).activate(s);
        AtomicLong largest = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                Path dir = pp.runDirectory();
                if (dir != null && Files.isDirectory(dir)) {
                    largest.accumulateAndGet(bytesUnder(dir), Math::max);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        s.run();
        running.set(false);
        sampler.join();
        assertEquals(COUNT, slow.collected().size());
        assertInstanceOf(ProducerFinished.class, slow.lastWord());
        long produced = (long) COUNT * SIZE;
        assertTrue(largest.get() < produced / 2, "the queue directory held " + largest.get() + " bytes at most of "
                + produced + " produced");
        assertFalse(Files.exists(pp.runDirectory()));
    }
}
