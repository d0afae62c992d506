package org.kamaelia4j.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creates and removes the per-run directory that holds a network's queues and state files. */
final class RunDirectory {

    private RunDirectory() {
    }

    /** A new directory {@code k4j-run-<pid>-...} under {@code base}, readable by its owner only (0700). */
    static Path create(Path base) {
        String prefix = "k4j-run-" + ProcessHandle.current().pid() + "-";
        try {
            if (base.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempDirectory(base, prefix,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory under " + base, e);
        }
    }

    /** Removes {@code directory} and everything in it. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove run directory " + directory, e);
        }
    }
}
