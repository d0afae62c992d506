package org.kamaelia4j.components.util;

/**
 * Passes on the first message it receives and drops every later one (Kamaelia's
 * {@code Util.FirstOnly}).
 *
 * <pre>{@code
 * new Pipeline(new DataSource("a", "b", "c"), new FirstOnly(), new ConsoleEchoer()).run();   // a
 * }</pre>
 */
public final class FirstOnly extends Transformer {

    private boolean passed;

    /** A first-only filter with the standard boxes. */
    public FirstOnly() {
        super(boxes("messages", "the first message only"));
    }

    @Override
    protected void process(Object msg) {
        if (!passed) {
            passed = true;
            emit(msg);
        }
    }
}
