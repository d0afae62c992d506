package org.kamaelia4j.components.util;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Prints every message it receives (Kamaelia's {@code Util.Console.ConsoleEchoer}), and
 * optionally passes it on.
 *
 * <pre>{@code
 * new Pipeline(new DataSource("hello", "world"), new ConsoleEchoer(System.out, false, "\n")).run();
 * }</pre>
 *
 * <p>A {@code String} is printed as it is, a {@code byte[]} as UTF-8 text, anything else as
 * {@code String.valueOf}; each is followed by {@code suffix} (Kamaelia's echoer adds nothing, so
 * the default suffix is empty) and the stream is flushed. With {@code forward} every message also
 * goes out on {@code outbox}. Printing to a console is quick, so it is done in the slice.
 */
public final class ConsoleEchoer extends Transformer {

    private final PrintStream out;
    private final boolean forward;
    private final String suffix;

    /** An echoer printing to {@code System.out}, adding nothing, forwarding nothing. */
    public ConsoleEchoer() {
        this(System.out, false, "");
    }

    /** An echoer printing to {@code out}, adding {@code suffix} after each message, and forwarding if asked. */
    public ConsoleEchoer(PrintStream out, boolean forward, String suffix) {
        super(boxes("messages to print", "the messages, passed on when forwarding"));
        this.out = Objects.requireNonNull(out, "ConsoleEchoer: the stream must be non-null");
        this.forward = forward;
        this.suffix = Objects.requireNonNull(suffix, "ConsoleEchoer: the suffix must be non-null (use \"\")");
    }

    @Override
    protected void process(Object msg) {
        String text = msg instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(msg);
        out.print(text + suffix);
        out.flush();
        if (forward) {
            emit(msg);
        }
    }
}
