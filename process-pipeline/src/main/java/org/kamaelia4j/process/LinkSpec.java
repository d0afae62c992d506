package org.kamaelia4j.process;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * One link between boxes in different JVMs: from box {@code fromBox} of {@code from} to box
 * {@code toBox} of {@code to}, where {@code "self"} names the network component in the parent JVM.
 * Each link is one Chronicle queue plus a small shared state file, both in the run directory.
 */
record LinkSpec(int id, String from, String fromBox, String to, String toBox) implements Serializable {

    /** The name that stands for the network component's own boxes. */
    static final String SELF = "self";

    /** The directory of this link's queue. */
    Path queueDirectory(Path runDirectory) {
        return runDirectory.resolve("link-" + id);
    }

    /** The file of this link's shared counters. */
    Path stateFile(Path runDirectory) {
        return runDirectory.resolve("link-" + id + ".state");
    }

    boolean fromSelf() {
        return SELF.equals(from);
    }

    boolean toSelf() {
        return SELF.equals(to);
    }

    @Override
    public String toString() {
        return from + "." + fromBox + " -> " + to + "." + toBox;
    }
}
