package org.kamaelia4j.tools;

import java.util.concurrent.atomic.AtomicBoolean;

import org.kamaelia4j.axon.Instrumentation;
import org.kamaelia4j.axon.Scheduler;

/**
 * Starts introspection when a scheduler starts running and the JVM asked for it: serves the first
 * scheduler when {@code -Dkamaelia4j.introspect=PORT} is set, or, in a stage JVM whose parent is
 * introspected ({@code K4J_INTROSPECT_REPORT} in the environment), reports to the parent. Found by
 * the core through {@link java.util.ServiceLoader}; not for direct use.
 *
 * <pre>{@code
 * java -Dkamaelia4j.introspect=0 -cp ... my.Program
 * # introspection: http://127.0.0.1:41527/?token=0a1b...
 * }</pre>
 *
 * <p>Only the first scheduler of the JVM is taken; later ones are left alone. Any thread.
 */
public final class AutoStarter implements Instrumentation.Starter {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** Made by the ServiceLoader. */
    public AutoStarter() {
    }

    @Override
    public void schedulerStarted(Scheduler scheduler) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        String report = System.getenv(ChildReporter.REPORT_ENV);
        if (report != null && !report.isEmpty()) {
            ChildReporter.start(scheduler, report);
        } else if (System.getProperty("kamaelia4j.introspect") != null) {
            IntrospectionServer server = Introspection.serve(scheduler, Options.fromSystemProperties());
            System.err.println("introspection: " + server.url());
        }
    }
}
