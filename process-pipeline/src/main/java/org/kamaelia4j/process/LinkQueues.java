package org.kamaelia4j.process;

import java.nio.file.Path;

import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/** Creates and opens the Chronicle queue of a link, the same way at both ends. */
final class LinkQueues {

    private LinkQueues() {
    }

    /** Creates the link's queue and state file before either end starts, so that both find them. */
    static void create(LinkSpec link, Path runDirectory, LinkOptions options) {
        open(link, runDirectory, options, StoreFileListener.noOp()).close();
        new LinkState(link.stateFile(runDirectory));
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
