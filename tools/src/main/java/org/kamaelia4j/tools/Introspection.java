package org.kamaelia4j.tools;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.kamaelia4j.axon.Scheduler;

/**
 * Starts introspection: an HTTP server on 127.0.0.1 that shows a scheduler's components live and,
 * when allowed, drives them.
 *
 * <pre>{@code
 * Scheduler s = Scheduler.create(1);
 * new Pipeline(new Source(), new Worker(), new Sink()).activate(s);
 * IntrospectionServer server = Introspection.serve(s, Options.defaults().allowControl(true));
 * System.err.println("introspect at " + server.url());
 * s.run();
 * }</pre>
 *
 * <p>Or without code: start the JVM with {@code -Dkamaelia4j.introspect=PORT} (0 for any free
 * port, plus {@code -Dkamaelia4j.introspect.control=true} and {@code -Dkamaelia4j.introspect.repl=true}
 * to allow commands and the REPL); the first scheduler that starts running is served and the URL
 * is printed on standard error. Stage JVMs of a {@code ProcessPipeline} or {@code ProcessGraphline}
 * started by a served JVM report to it by themselves (see {@link ChildReporter}).
 *
 * <p>The server sees every component of the scheduler, including those activated before it
 * started; counters (activations, busy time) count from when introspection was turned on.
 */
public final class Introspection {

    /** The system property telling ProcessPipeline where its stage JVMs report (read by its ChildJvm). */
    static final String REPORT_PROPERTY = "kamaelia4j.introspect.report";

    private static volatile IntrospectionServer current;

    private Introspection() {
    }

    /**
     * Serves {@code scheduler} as {@code options} say.
     *
     * @throws UncheckedIOException when the port cannot be opened
     */
    public static IntrospectionServer serve(Scheduler scheduler, Options options) {
        try {
            IntrospectionServer server = new IntrospectionServer(scheduler, options);
            current = server;
            System.setProperty(REPORT_PROPERTY, server.reportUrl());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the introspection server on 127.0.0.1:" + options.port(), e);
        }
    }

    /** The server most recently started in this JVM, or null: handy in the REPL. */
    public static IntrospectionServer current() {
        return current;
    }

    /** The scheduler the most recent server shows, or null: handy in the REPL. */
    public static Scheduler scheduler() {
        IntrospectionServer s = current;
        return s == null ? null : s.scheduler();
    }
}
