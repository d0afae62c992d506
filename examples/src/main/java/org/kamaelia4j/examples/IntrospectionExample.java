package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.components.util.ConsoleEchoer;
import org.kamaelia4j.tools.Introspector;

/**
 * {@code ./k4j example introspection}: Kamaelia's introspection tutorial
 * ({@code IntrospectingCommandLineEchoExample.py}): an {@link Introspector} piped to the console
 * beside a small running system, printing the system's topology as Kamaelia's text protocol.
 *
 * <pre>{@code
 * new Pipeline(new Introspector(), new ConsoleEchoer()).activate(scheduler);
 * new Pipeline(new NumberSource(1, 5), new Scale(10), new Printer(System.out, "got ")).run();
 * }</pre>
 *
 * <p>Kamaelia's tutorial sent the same lines over TCP to the {@code AxonVisualiser}, which drew
 * them; here they go to the console, where they read as they are: {@code ADD NODE} for each
 * component and each of its boxes, {@code ADD LINK} from a component to its boxes and from box to
 * box for each linkage, and {@code DEL NODE}/{@code DEL LINK} as the system winds down.
 *
 * <p>The introspector runs on a scheduler of its own and is listening (its first message,
 * {@code DEL ALL} and what runs already, has been printed) before the system starts; it sees
 * every component of the JVM, whatever its scheduler. The system runs to its end on a second
 * scheduler, then the introspector is told to finish, so the run is bounded; it is told with
 * {@code ProducerFinished}, which lets the echoer print everything it was sent before it finishes
 * ({@code ShutdownMicroprocess} would stop it at once, leaving the rest of its inbox unread).
 */
public final class IntrospectionExample {

    /** How long to wait for the introspector at most; a guard, not a pace. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private IntrospectionExample() {
    }

    /** Runs the introspector and the system, printing both to {@code out}. */
    public static void run(PrintStream out) {
        Scheduler watching = Scheduler.create(1);
        watching.startInBackground();
        try {
            Handle introspector = Handle.activate(new Pipeline(new Introspector(), new ConsoleEchoer(out, true, "")),
                    watching);
            await(introspector, Component.OUTBOX, "its first report");
            Scheduler system = Scheduler.create(1);
            new Pipeline(new NumberSource(1, 5), new Scale(10), new Printer(out, "got ")).activate(system);
            system.run();
            // ProducerFinished, not ShutdownMicroprocess: the echoer prints what it was given before finishing
            introspector.put(new ProducerFinished(), Component.CONTROL);
            await(introspector, Component.SIGNAL, "its shutdown");
        } finally {
            watching.stop();
        }
    }

    private static void await(Handle introspector, String outbox, String what) {
        if (introspector.get(outbox, PATIENCE) == null) {
            throw new IllegalStateException("introspection: the introspector did not send " + what + " within "
                    + PATIENCE.toSeconds() + " s");
        }
    }

    /** {@code ./k4j example introspection}. */
    public static void main(String[] args) {
        Options.parse("introspection", args, Set.of(), Set.of());
        run(System.out);
    }
}
