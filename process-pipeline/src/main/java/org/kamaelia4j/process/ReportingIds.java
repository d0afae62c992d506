package org.kamaelia4j.process;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids under which this parent's stage JVMs report to an introspection server: the stage's
 * name, unique among the stage JVMs alive at once. Two networks in one parent may both have a
 * stage called {@code stage0}; the second one alive reports as {@code stage0-2}, so that neither
 * hides the other in the graph. An id is free again once its JVM has exited.
 *
 * <pre>{@code
 * String id = ReportingIds.claim("stage0");           // "stage0", or "stage0-2" if that is taken
 * process.onExit().thenRun(() -> ReportingIds.release(id));
 * }</pre>
 *
 * <p>Thread-safe.
 */
final class ReportingIds {

    private static final Set<String> IN_USE = new HashSet<>();

    private ReportingIds() {
    }

    /** The stage name, or the name with the lowest free suffix {@code -2}, {@code -3}, ...; now in use. */
    static synchronized String claim(String stageName) {
        String id = stageName;
        for (int n = 2; IN_USE.contains(id); n++) {
            id = stageName + "-" + n;
        }
        IN_USE.add(id);
        return id;
    }

    /** {@code id}, claimed before, is free again. */
    static synchronized void release(String id) {
        IN_USE.remove(id);
    }
}
