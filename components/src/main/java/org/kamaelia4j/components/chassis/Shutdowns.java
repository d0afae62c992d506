package org.kamaelia4j.components.chassis;

import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/** Axon's shutdown convention, in one place for every chassis component. */
final class Shutdowns {

    private Shutdowns() {
    }

    /** True for {@code ProducerFinished} and {@code ShutdownMicroprocess}: the messages that end a component. */
    static boolean isShutdown(Object message) {
        return message instanceof ProducerFinished || message instanceof ShutdownMicroprocess;
    }
}
