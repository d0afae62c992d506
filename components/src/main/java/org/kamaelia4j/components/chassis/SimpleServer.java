package org.kamaelia4j.components.chassis;

import java.util.function.Supplier;

import org.kamaelia4j.axon.Component;

/**
 * A {@link ServerCore} whose protocol factory takes no arguments (Kamaelia's
 * {@code SimpleServer}): one fresh handler per connection, whoever connected.
 *
 * <pre>{@code
 * SimpleServer echo = new SimpleServer(0, Echo::new);
 * echo.activate(scheduler);
 * System.out.println("echo on port " + echo.port());
 * }</pre>
 *
 * <p>Everything else, wiring, closing and shutting down, is {@link ServerCore}'s.
 */
public final class SimpleServer extends ServerCore {

    /** A server on {@code 127.0.0.1:port} (0: any free port) making a handler with {@code protocol}. */
    public SimpleServer(int port, Supplier<? extends Component> protocol) {
        super(port, connection -> protocol.get());
    }
}
