package org.kamaelia4j.process;

import java.nio.file.Path;

import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/** Opens the Chronicle queue of a link, the same way at both ends. */
final class LinkQueues {

    private LinkQueues() {
    }

    static SingleChronicleQueue open(LinkSpec link, Path runDirectory, LinkOptions options,
            StoreFileListener listener) {
        return SingleChronicleQueueBuilder.binary(link.queueDirectory(runDirectory))
                .rollCycle(options.rollCycle())
                .blockSize(options.blockSize())
                .storeFileListener(listener)
                .build();
    }
}
