package org.kamaelia4j.components.util;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Reads lines from an input stream, by default {@code System.in}, and sends each one (Kamaelia's
 * {@code Util.Console.ConsoleReader}).
 *
 * <pre>{@code
 * new Pipeline(new ConsoleReader(), new PureTransformer<String, String>(String::toUpperCase),
 *         new ConsoleEchoer(System.out, false, "\n")).run();
 * }</pre>
 *
 * <p>The blocking reads happen on a virtual thread of its own, handed over through a
 * {@link ThreadFeed} of 64 lines, so the scheduler never waits for the keyboard and a slow
 * consumer makes the reading thread wait. Lines are decoded as UTF-8 and sent without their line
 * terminator. At the end of the stream it sends {@code ProducerFinished}; a read error sends
 * {@code ErrorInformation} instead. {@code ProducerFinished} or {@code ShutdownMicroprocess} on
 * {@code control} finishes it at once, passed on; the stream is not closed (it belongs to the
 * caller), and a reading thread blocked in a read that cannot be interrupted ends after that read.
 */
public final class ConsoleReader extends Transformer {

    private final InputStream in;
    private final ThreadFeed<String> feed = new ThreadFeed<>(this, 64);

    /** A reader of {@code System.in}. */
    public ConsoleReader() {
        this(System.in);
    }

    /** A reader of {@code in}. */
    public ConsoleReader(InputStream in) {
        super(boxes("not used", "each line read, without its line terminator"));
        this.in = Objects.requireNonNull(in, "ConsoleReader: the input stream must be non-null");
    }

    @Override
    protected void initialiseComponent() {
        feed.start(name(), f -> {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                f.put(line);
            }
        });
    }

    @Override
    protected boolean poll() {
        if (shutdownMessage() != null) {
            return false;
        }
        for (String line; !holding() && (line = feed.poll()) != null; ) {
            emit(line);
        }
        if (feed.ended()) {
            Throwable failure = feed.failure();
            finishWith(failure == null ? new ProducerFinished(this, null)
                    : new ErrorInformation(this, failure, name() + " could not read its input: " + failure));
        }
        return false;
    }

    @Override
    protected void closeDownComponent() {
        feed.cancel();
    }
}
