package org.kamaelia4j.examples;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Graphline;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.components.chassis.Backplane;
import org.kamaelia4j.components.chassis.PublishTo;
import org.kamaelia4j.components.chassis.ServerCore;
import org.kamaelia4j.components.chassis.SubscribeTo;
import org.kamaelia4j.components.net.NewConnection;
import org.kamaelia4j.components.util.PureTransformer;

/**
 * {@code ./k4j example chat}: a TCP chat server, Kamaelia's {@code ChatServer.py} from its
 * introspection tutorial: a {@link ServerCore} gives every connection its own protocol pipeline,
 * and the pipelines meet on a {@link Backplane}.
 *
 * <pre>
 * ./k4j example chat --port 1500       # then, in other terminals: nc 127.0.0.1 1500
 * </pre>
 *
 * <p>One connection's pipeline is {@code TextLines -> "peer says line" -> PublishTo("chat")}
 * {@code SubscribeTo("chat") -> bytes}: every line a client sends is published with the sender's
 * address, and every line published goes to every connected client, <em>the sender included</em>,
 * as in Kamaelia's chat examples: the sender sees its line come back once it has gone round, in
 * the same order as everybody else sees it. A client that connects gets the lines published from
 * the moment its subscriber joined the backplane ({@link #clients()} counts those).
 *
 * <p>The server listens on 127.0.0.1 only; port 0 (the default) takes any free port, which is
 * printed. {@code ShutdownMicroprocess} (or {@code ProducerFinished}) on the {@link #component()}'s
 * {@code control} closes every connection, then the backplane, and the component finishes.
 */
public final class Chat {

    /** The name of the backplane the connections meet on. */
    static final String BACKPLANE = "chat";

    private final ServerCore server;
    private final Backplane backplane = new Backplane(BACKPLANE);
    private final Graphline component;

    /** A chat server listening on {@code 127.0.0.1:port} (0: any free port), bound at once; not yet activated. */
    public Chat(int port) {
        this.server = new ServerCore(port, Chat::session);
        this.component = Graphline.builder()
                .component("server", server)
                .component("backplane", backplane)
                .link("server", Component.SIGNAL, "backplane", Component.CONTROL)   // connections close first
                .build();
    }

    /** The protocol pipeline of one connection. */
    private static Component session(NewConnection connection) {
        String peer = connection.peer().getAddress().getHostAddress() + ":" + connection.peer().getPort();
        return new Pipeline(
                new TextLines(),
                new PureTransformer<String, String>(line -> peer + " says " + line),
                new PublishTo(BACKPLANE),
                // ------------ what was published above comes back here, for every connection
                new SubscribeTo(BACKPLANE),
                new PureTransformer<String, byte[]>(line -> (line + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** The server and its backplane as one component, to activate on a scheduler. */
    public Component component() {
        return component;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return server.port();
    }

    /** How many connections receive what is published now (subscribers of the backplane). */
    public int clients() {
        return backplane.subscriberCount();
    }

    /** A chat server as the command line {@code [--port N]} says; not yet activated. */
    public static Chat of(String... args) {
        return new Chat(Options.parse("chat", args, Set.of("port"), Set.of()).port("port", 0));
    }

    /** What the example prints first: where to connect. */
    public String banner() {
        return "chat server on 127.0.0.1:" + port() + "; connect with: nc 127.0.0.1 " + port() + " (Ctrl-C stops it)";
    }

    /** {@code ./k4j example chat [--port N]}: runs until the process is stopped. */
    public static void main(String[] args) {
        Scheduler scheduler = Scheduler.create(2);
        Chat chat = of(args);
        chat.component().activate(scheduler);
        System.out.println(chat.banner());
        scheduler.run();
    }
}
