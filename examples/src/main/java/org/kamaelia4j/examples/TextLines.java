package org.kamaelia4j.examples;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.kamaelia4j.components.util.Transformer;

/**
 * Turns the chunks of bytes a TCP connection delivers into whole lines of UTF-8 text: a line may
 * arrive split over several chunks, and one chunk may hold several lines.
 *
 * <pre>{@code
 * new Pipeline(new DataSource("he".getBytes(), "llo\r\nwor".getBytes(), "ld".getBytes()),
 *         new TextLines(), new ConsoleEchoer(System.out, false, "\n")).run();    // "hello", "world"
 * }</pre>
 *
 * <p>Each line goes out without its {@code "\n"} (or {@code "\r\n"}, as telnet sends). What is
 * left when the input ends, a last line without a newline, goes out before the shutdown message.
 * A message that is not a {@code byte[]} fails the component, naming it.
 */
final class TextLines extends Transformer {

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    TextLines() {
        super(boxes("chunks of bytes (byte[]) from a connection", "whole lines, as strings without the newline"));
    }

    @Override
    protected void process(Object msg) {
        if (!(msg instanceof byte[] bytes)) {
            throw new IllegalArgumentException(name() + " reads byte[] chunks, but received a "
                    + msg.getClass().getName() + " on 'inbox': " + msg);
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {     // never part of a multi-byte UTF-8 character
                partial.write(bytes, start, i - start);
                emitLine();
                start = i + 1;
            }
        }
        partial.write(bytes, start, bytes.length - start);
    }

    @Override
    protected Object finishing(Object shutdownMessage) {
        if (partial.size() > 0) {
            emitLine();
        }
        return shutdownMessage;
    }

    private void emitLine() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        emit(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
