package org.kamaelia4j.components.util;

/**
 * Splits each string it receives at its {@code '\n'} characters and sends the pieces on as
 * separate messages (Kamaelia's {@code Util.LineSplit}).
 *
 * <pre>{@code
 * new Pipeline(new DataSource("a\nb", "c"), new LineSplit(), new ConsoleEchoer()).run();
 * // "a", "b", "c"
 * }</pre>
 *
 * <p>As in Kamaelia every message is split on its own, and every piece is sent, empty ones too:
 * {@code "a\n"} gives {@code "a"} and {@code ""}. A message that is not a {@code CharSequence}
 * fails the component with a message naming it.
 */
public final class LineSplit extends Transformer {

    /** A line splitter with the standard boxes. */
    public LineSplit() {
        super(boxes("strings to split at '\\n'", "the pieces, one message each"));
    }

    @Override
    protected void process(Object msg) {
        if (!(msg instanceof CharSequence text)) {
            throw new IllegalArgumentException(name() + " splits strings, but received a "
                    + msg.getClass().getName() + " on 'inbox': " + msg);
        }
        for (String line : text.toString().split("\n", -1)) {
            emit(line);
        }
    }
}
