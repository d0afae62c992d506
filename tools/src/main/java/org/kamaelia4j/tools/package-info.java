/**
 * The introspector: a live view of the component graph across JVMs, an HTTP/JSON/SSE server for
 * the web UI, a terminal client and a REPL.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link org.kamaelia4j.tools.Registry} hears the core's
 *       {@link org.kamaelia4j.axon.Instrumentation} events and turns them into lines of Kamaelia's
 *       topology protocol ({@link org.kamaelia4j.tools.Topology}); the
 *       {@link org.kamaelia4j.tools.Introspector} component sends them on its outbox.</li>
 *   <li>{@link org.kamaelia4j.tools.Introspection#serve} starts an
 *       {@link org.kamaelia4j.tools.IntrospectionServer} on 127.0.0.1 with a random token: JSON
 *       snapshot, event stream, commands, JShell REPL, and the web UI's files.</li>
 *   <li>Stage JVMs of a ProcessPipeline report to the parent's server
 *       ({@link org.kamaelia4j.tools.ChildReporter}, {@link org.kamaelia4j.tools.ChildJvms}).</li>
 *   <li>{@link org.kamaelia4j.tools.Terminal} is {@code ./k4j introspect}: top, tree, watch, dot, repl.</li>
 * </ul>
 *
 * <h2>Threading rules</h2>
 * <ul>
 *   <li>Instrumentation events arrive on whatever thread made the change; the registry handles
 *       them under its lock and only queues lines for subscribers. Nothing here runs slices or
 *       blocks a scheduler's worker.</li>
 *   <li>HTTP requests run on virtual threads; an event stream holds one for as long as the client
 *       stays. One daemon thread per server samples rates and pushes metrics once a second.</li>
 *   <li>Commands use the core's thread-safe entry points (inject, hold, release, stop); reading
 *       counters from another thread may see values a slice old.</li>
 * </ul>
 */
package org.kamaelia4j.tools;
