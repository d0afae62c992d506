package org.kamaelia4j.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AppCDS archive that lets stage JVMs start faster: the classes a stage JVM loads (Chronicle
 * Queue, its native-access layers, logging, Kamaelia4J) parsed and verified once, written to a
 * class-data-sharing archive, and mapped by every later stage JVM with the same JDK, class path
 * and options instead of being loaded again.
 *
 * <pre>{@code
 * StageClassArchive archive = StageClassArchive.forStage(classPath, jvmOptions);
 * command.addAll(archive.flags());            // -XX:SharedArchiveFile=... or -XX:ArchiveClassesAtExit=...
 * Process p = builder.start();
 * archive.afterExitOf(p);                     // a freshly written archive is put in place
 * }</pre>
 *
 * <p>The first stage JVM of a kind runs with {@code -XX:ArchiveClassesAtExit} into a temporary file
 * beside the archive; when it exits with 0 the parent renames the file into place atomically (a
 * failed stage's file is deleted), so a stage JVM never maps a half-written archive and two
 * parents writing at once both leave a whole one. Other stage JVMs of the same kind started
 * meanwhile run without the archive. Later ones map it with {@code -XX:SharedArchiveFile}.
 *
 * <p>The archive is named after a hash of the JDK, the stage's JVM options and every class path
 * entry with its size and modification time, so a rebuilt jar or another JDK gets a new archive
 * rather than a rejected one. It lives in the directory named by the system property
 * {@value #PROPERTY}, else in {@code kamaelia4j/appcds} under {@code $XDG_CACHE_HOME} or
 * {@code ~/.cache}; {@code -D}{@value #PROPERTY}{@code =false} turns it off.
 *
 * <p>It stays off, and the stage JVM starts as before, when the JDK cannot make the archive: a
 * class path that holds a directory (a build's {@code target/classes}; the JDK refuses to archive
 * from directories), or an archive directory that cannot be created or written. The JDK fails a
 * JVM with exit code 1 when it cannot write the archive at exit, so writing is tried first.
 */
final class StageClassArchive {

    /** The system property naming the archive directory, or {@code false} to start stages without one. */
    static final String PROPERTY = "kamaelia4j.appcds";

    private static final StageClassArchive OFF = new StageClassArchive(null, null);
    /** Archives being written by a stage JVM of this parent, so only one writes each. */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private final Path archive;
    private final Path writeTo;

    private StageClassArchive(Path archive, Path writeTo) {
        this.archive = archive;
        this.writeTo = writeTo;
    }

    /**
     * The archive for a stage JVM with {@code classPath} and {@code jvmOptions} (every option but
     * the class path), in the directory the system property names or the default cache directory.
     */
    static StageClassArchive forStage(String classPath, List<String> jvmOptions) {
        String setting = System.getProperty(PROPERTY, "");
        if (setting.equalsIgnoreCase("false")) {
            return OFF;
        }
        return forStage(classPath, jvmOptions, setting.isBlank() || setting.equalsIgnoreCase("true")
                ? defaultDirectory() : Path.of(setting));
    }

    /** As {@link #forStage(String, List)}, with archives in {@code directory}. */
    static StageClassArchive forStage(String classPath, List<String> jvmOptions, Path directory) {
        List<Path> jars = jars(classPath);
        if (jars.isEmpty() || !writable(directory)) {
            return OFF;
        }
        Path archive;
        try {
            archive = directory.resolve("stage-" + key(jars, jvmOptions) + ".jsa");
        } catch (IOException e) {
            return OFF;
        }
        if (Files.isRegularFile(archive)) {
            return new StageClassArchive(archive, null);
        }
        if (!WRITING.add(archive)) {
            return OFF;
        }
        return new StageClassArchive(archive,
                directory.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime()
                        + ".tmp"));
    }

    /** The JVM flags that map or write the archive; none when it is off. */
    List<String> flags() {
        if (archive == null) {
            return List.of();
        }
        String use = writeTo == null ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + writeTo;
        // Not the stage's output: warnings such as "Skipping jdk/proxy1/$Proxy0: Unsupported location"
        // when writing, and, when mapping, "errors" saying that the JDK's base archive was dumped
        // without the --add-exports the stage needs, so "optimized module handling" is off (the
        // archive is still used: start-up is faster). A JVM that cannot map it starts without it.
        return List.of(use, "-Xlog:cds*=off");
    }

    /** The archive file, or null when off. */
    Path archive() {
        return archive;
    }

    /** True when the stage JVM started with these flags writes the archive as it exits. */
    boolean writes() {
        return writeTo != null;
    }

    /** Once {@code process} has exited, puts the archive it wrote in place (exit code 0) or deletes it. */
    void afterExitOf(Process process) {
        if (writeTo != null) {
            process.onExit().thenRun(() -> settle(process.exitValue() == 0));
        }
    }

    /** Puts the written archive in place when {@code keep}, else deletes it; lets another stage write one. */
    void settle(boolean keep) {
        if (writeTo == null) {
            return;
        }
        try {
            if (keep && Files.size(writeTo) > 0) {
                Files.move(writeTo, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // no archive this time: the next stage JVM writes one
        } finally {
            try {
                Files.deleteIfExists(writeTo);
            } catch (IOException e) {
                // a stray temporary file in a cache directory
            }
            WRITING.remove(archive);
        }
    }

    /** The class path's entries when every one is a file (a jar); empty when any is a directory. */
    private static List<Path> jars(String classPath) {
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry);
            if (!Files.isRegularFile(p)) {
                return List.of();
            }
            jars.add(p);
        }
        return jars;
    }

    /** Creates {@code directory} if need be and writes and deletes a file in it. */
    private static boolean writable(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, "probe", ".tmp"));
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("kamaelia4j").resolve("appcds");
    }

    /** A hash of the JDK, the options and each jar with its size and modification time. */
    private static String key(List<Path> jars, List<String> jvmOptions) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(System.getProperty("java.home")).append('\n')
                    .append(System.getProperty("java.vm.version")).append('\n');
            jvmOptions.forEach(o -> text.append(o).append('\n'));
            for (Path jar : jars) {
                text.append(jar.toAbsolutePath()).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            }
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
