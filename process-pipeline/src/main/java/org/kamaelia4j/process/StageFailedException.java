package org.kamaelia4j.process;

import java.nio.file.Path;
import java.util.List;

/**
 * A stage's JVM died: the exception inside the {@code ErrorInformation} that a
 * {@link ProcessNetwork} sends on {@code signal} when a stage exits with a non-zero code and may
 * not be restarted.
 *
 * <pre>{@code
 * if (m instanceof ErrorInformation err && err.exception() instanceof StageFailedException dead) {
 *     System.err.println(dead.stageName() + " exited with " + dead.exitCode() + ":\n" + dead.stderrTail());
 * }
 * }</pre>
 *
 * <p>Its message names the stage, the pid, the exit code, the run directory (kept for inspection)
 * and the last lines the stage wrote on its standard error.
 */
public final class StageFailedException extends RuntimeException {

    private final String stageName;
    private final long pid;
    private final int exitCode;
    private final List<String> stderrTail;
    private final transient Path runDirectory;

    StageFailedException(String stageName, long pid, int exitCode, List<String> stderrTail, Path runDirectory) {
        super("stage '" + stageName + "' (pid " + pid + ") exited with code " + exitCode + "; its queues are kept in "
                + runDirectory + "; last lines of its stderr:"
                + (stderrTail.isEmpty() ? " (none)" : "\n  " + String.join("\n  ", stderrTail)));
        this.stageName = stageName;
        this.pid = pid;
        this.exitCode = exitCode;
        this.stderrTail = List.copyOf(stderrTail);
        this.runDirectory = runDirectory;
    }

    /** The name of the stage that died. */
    public String stageName() {
        return stageName;
    }

    /** The pid of its JVM. */
    public long pid() {
        return pid;
    }

    /** Its exit code (137 after {@code kill -9}). */
    public int exitCode() {
        return exitCode;
    }

    /** The last lines it wrote on standard error, oldest first. */
    public List<String> stderrTail() {
        return stderrTail;
    }

    /** The run directory, kept after the failure; null once this exception was serialized. */
    public Path runDirectory() {
        return runDirectory;
    }
}
