package org.kamaelia4j.axon.ipc;

import java.util.List;

import org.kamaelia4j.axon.Microprocess;

/**
 * A request to shut down (Axon's {@code shutdownMicroprocess}): the receiver forwards it on
 * {@code signal} and finishes.
 *
 * <pre>{@code
 * handle.put(new ShutdownMicroprocess(), Component.CONTROL);
 * }</pre>
 *
 * @param targets the microprocesses the request names; empty means "whoever receives it"
 */
public record ShutdownMicroprocess(List<Microprocess> targets) implements Ipc {

    /** Copies {@code targets}; null becomes the empty list. */
    public ShutdownMicroprocess {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** A shutdown request for whoever receives it. */
    public ShutdownMicroprocess() {
        this(List.of());
    }
}
