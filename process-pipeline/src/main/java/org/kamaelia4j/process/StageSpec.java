package org.kamaelia4j.process;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a stage JVM needs to know, written by the parent to a file in the run directory and
 * read by {@link StageMain}: the stage, its links in and out, the link options, the run directory
 * and the parent's pid.
 */
record StageSpec(String stageName, Stage stage, List<LinkSpec> inputs, List<LinkSpec> outputs,
        LinkOptions options, String runDirectory, long parentPid) implements Serializable {

    StageSpec {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    Path run() {
        return Path.of(runDirectory);
    }

    /** The stage's checkpoint file. */
    Path checkpointFile() {
        return run().resolve("stage-" + stageName + ".checkpoint");
    }

    /** Writes this spec to {@code file}. */
    void writeTo(Path file) {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spec of stage '" + stageName + "' (is its factory"
                    + " serializable, with everything it captures?)", e);
        }
    }

    /** Reads a spec written by {@link #writeTo}. */
    static StageSpec readFrom(Path file) {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            return (StageSpec) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read stage spec " + file, e);
        }
    }
}
