package org.kamaelia4j.benchmarks;

import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.kamaelia4j.axon.ThreadedComponent;

/**
 * The raw Chronicle Queue baseline's far end: tails one queue and appends each excerpt's bytes,
 * unread, to another, {@code count} times, spinning while nothing is there; then finishes. It runs
 * as a stage so that its JVM is started exactly like the stage JVMs of the workload it is compared
 * with; none of its boxes is used.
 */
final class RawEcho extends ThreadedComponent {

    private final String from;
    private final String to;
    private final long count;

    RawEcho(String from, String to, long count) {
        this.from = from;
        this.to = to;
        this.count = count;
    }

    /** A queue at {@code dir}, as both ends of the raw baseline open it. */
    static SingleChronicleQueue queue(String dir) {
        return SingleChronicleQueueBuilder.binary(Path.of(dir)).build();
    }

    @Override
    protected void threadMain() {
        try (SingleChronicleQueue in = queue(from); SingleChronicleQueue out = queue(to);
                ExcerptTailer tailer = in.createTailer(); ExcerptAppender appender = out.createAppender()) {
            for (long echoed = 0; echoed < count; ) {
                try (DocumentContext read = tailer.readingDocument()) {
                    if (!read.isPresent()) {
                        Thread.onSpinWait();
                        continue;
                    }
                    try (DocumentContext write = appender.writingDocument()) {
                        write.wire().bytes().write(read.wire().bytes());
                    }
                }
                echoed++;
            }
        }
    }
}
