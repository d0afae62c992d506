package org.kamaelia4j.components.chassis;

import org.kamaelia4j.axon.Component;
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

    /**
     * Reads {@code c}'s {@code control} inbox; on a shutdown message forwards it on {@code signal}
     * and returns true, so the caller finishes. Other control messages are dropped.
     */
    static boolean forwardedShutdown(Component c) {
        while (c.dataReady(Component.CONTROL)) {
            Object m = c.recv(Component.CONTROL);
            if (isShutdown(m)) {
                c.send(m, Component.SIGNAL);
                return true;
            }
        }
        return false;
    }
}
