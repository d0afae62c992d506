package org.kamaelia4j.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One stage JVM as the parent sees it: launched with the parent's JDK and class path, the flags
 * Chronicle Queue needs on this JDK and the stage's own options; its standard output and error
 * copied line by line to the parent's, prefixed with {@code [stage name]}, the last lines of its
 * standard error kept for error reports. Its standard input stays an open pipe: when the parent
 * dies the pipe closes and the stage exits (see {@link StageMain}). When the class path is all
 * jars it starts from a class-data-sharing archive ({@link StageClassArchive}).
 */
final class ChildJvm {

    private static final int TAIL_LINES = 20;
    /**
     * Set by an introspection server in the parent: where stage JVMs report. Passed to each stage
     * JVM in its environment (not on its command line, where other users could read the token).
     */
    static final String INTROSPECT_REPORT = "kamaelia4j.introspect.report";

    private final String stageName;
    private final Process process;
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private ChildJvm(String stageName, Process process) {
        this.stageName = stageName;
        this.process = process;
        this.stdoutPump = pump(process.getInputStream(), () -> System.out, false);
        this.stderrPump = pump(process.getErrorStream(), () -> System.err, true);
    }

    /** Starts the JVM of stage {@code stageName}, which runs the spec in {@code specFile}. */
    static ChildJvm launch(String stageName, Stage stage, Path specFile) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(chronicleFlags(Runtime.version().feature()));
        String logLevel = System.getProperty("k4j.log");
        if (logLevel != null) {
            command.add("-Dk4j.log=" + logLevel);
        }
        String classPath = System.getProperty("java.class.path");
        List<String> options = new ArrayList<>(command.subList(1, command.size()));
        options.addAll(stage.jvmOptions());
        StageClassArchive archive = StageClassArchive.forStage(classPath, options);
        command.addAll(archive.flags());
        command.addAll(stage.jvmOptions());
        command.add("-cp");
        command.add(classPath);
        command.add(StageMain.class.getName());
        command.add(specFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        String report = System.getProperty(INTROSPECT_REPORT);
        String reportingId = null;
        if (report != null) {
            reportingId = ReportingIds.claim(stageName);
            builder.environment().put("K4J_INTROSPECT_REPORT", report);
            builder.environment().put("K4J_INTROSPECT_JVM", reportingId);
        }
        try {
            Process process = builder.start();
            archive.afterExitOf(process);
            if (reportingId != null) {
                String id = reportingId;
                process.onExit().thenRun(() -> ReportingIds.release(id));
            }
            return new ChildJvm(stageName, process);
        } catch (IOException e) {
            if (reportingId != null) {
                ReportingIds.release(reportingId);
            }
            archive.settle(false);
            throw new UncheckedIOException("cannot start the JVM of stage '" + stageName + "': " + command, e);
        }
    }

    /** The flags Chronicle Queue needs on JDK {@code feature}, analytics off. */
    static List<String> chronicleFlags(int feature) {
        List<String> flags = new ArrayList<>(List.of(
                "-Dchronicle.analytics.disable=true",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED"));
        if (feature >= 24) {
            flags.add("--enable-native-access=ALL-UNNAMED");
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return flags;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private Thread pump(InputStream from, Supplier<PrintStream> to, boolean keepTail) {
        String prefix = "[" + stageName + "] ";
        return Thread.ofPlatform().daemon().name("k4j-output-" + stageName).start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    to.get().println(prefix + line);
                    if (keepTail) {
                        synchronized (stderrTail) {
                            if (stderrTail.size() == TAIL_LINES) {
                                stderrTail.removeFirst();
                            }
                            stderrTail.addLast(line);
                        }
                    }
                }
            } catch (IOException e) {
                // the stage is gone; what it wrote until then was copied
            }
        });
    }

    String stageName() {
        return stageName;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    /** The last lines of its standard error, after waiting (briefly) for it to be read to the end. */
    List<String> stderrTail() {
        awaitOutput();
        synchronized (stderrTail) {
            return List.copyOf(stderrTail);
        }
    }

    /** Waits up to two seconds for both output streams to be copied to the end. */
    void awaitOutput() {
        try {
            stdoutPump.join(2000);
            stderrPump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks it to stop (SIGTERM); {@link #awaitExit} kills it if it does not. */
    void destroy() {
        process.destroy();
    }

    /** Waits for it to exit, killing it (SIGKILL) after {@code seconds}. */
    void awaitExit(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(seconds, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
