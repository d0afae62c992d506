package org.kamaelia4j.components.util;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers everything it receives and, when told to finish, sends it all as one list (Kamaelia's
 * {@code Util.Collate}).
 *
 * <pre>{@code
 * new Pipeline(FileReader.lines(path), new Collate(), new ConsoleEchoer()).run();
 * // one message: the list of every line
 * }</pre>
 *
 * <p>The list goes out on {@code outbox} just before the shutdown message goes out on
 * {@code signal}; it holds the messages in arrival order and is unmodifiable.
 */
public final class Collate extends Transformer {

    private final List<Object> collated = new ArrayList<>();

    /** A collator with the standard boxes. */
    public Collate() {
        super(boxes("messages to collate", "one list of every message, sent on shutdown"));
    }

    @Override
    protected void process(Object msg) {
        collated.add(msg);
    }

    @Override
    protected Object finishing(Object shutdownMessage) {
        emit(List.copyOf(collated));
        return shutdownMessage;
    }
}
