package org.kamaelia4j.components.util;

/**
 * Turns every message into its string form, {@code String.valueOf(msg)} (Kamaelia's
 * {@code Util.Stringify}).
 *
 * <pre>{@code
 * new Pipeline(new DataSource(1, 2), new Stringify(), new LineSplit(), new ConsoleEchoer()).run();
 * }</pre>
 */
public final class Stringify extends Transformer {

    /** A stringifier with the standard boxes. */
    public Stringify() {
        super(boxes("messages of any type", "String.valueOf of each message"));
    }

    @Override
    protected void process(Object msg) {
        emit(String.valueOf(msg));
    }
}
