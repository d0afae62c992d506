package org.kamaelia4j.examples;

import java.io.PrintStream;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Passes messages straight through, printing on one line how far through an expected number of
 * them it is: {@code progress: 10% 20% ... 100%} (or nothing, given no stream).
 *
 * <pre>{@code
 * new Pipeline(new DataSource(tasks), farm, new Progress(tasks.size(), System.out), collector).run();
 * }</pre>
 *
 * <p>It prints each tenth as it is passed, then ends the line when it finishes (on
 * {@code ProducerFinished} or {@code ShutdownMicroprocess}, after everything that came before it,
 * which it passes on). An {@code ErrorInformation} on {@code control} (a component before it
 * failed) finishes it too: it keeps it for {@link #failure()} and sends a
 * {@code ShutdownMicroprocess} on, so that a sink that knows only the two shutdown messages ends.
 */
final class Progress extends Component {

    private static final int STEPS = 10;

    private final long expected;
    private final PrintStream out;
    private long seen;
    private int printed;
    private volatile ErrorInformation failure;

    /** Counts towards {@code expected} messages, printing to {@code out} (null: prints nothing). */
    Progress(long expected, PrintStream out) {
        super(Boxes.builder()
                .inbox(INBOX, "messages to count and pass on")
                .inbox(CONTROL, "ProducerFinished, ShutdownMicroprocess or ErrorInformation to finish")
                .outbox(OUTBOX, "the same messages, unchanged")
                .outbox(SIGNAL, "the shutdown message, passed on (ShutdownMicroprocess after an error)")
                .build());
        this.expected = Math.max(1, expected);
        this.out = out;
    }

    @Override
    protected Step main() {
        Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;
        while (dataReady()) {
            send(recv());
            seen++;
        }
        int reached = (int) Math.min(STEPS, seen * STEPS / expected);
        if (reached > printed && out != null) {
            StringBuilder line = new StringBuilder(printed == 0 ? "  progress:" : "");
            for (int step = printed + 1; step <= reached; step++) {
                line.append(' ').append(step * 100 / STEPS).append('%');
            }
            out.print(line);
            out.flush();
            printed = reached;
        }
        if (stop instanceof ErrorInformation error) {
            failure = error;
            stop = new ShutdownMicroprocess();
        }
        if (stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess) {
            if (printed > 0) {
                out.println();
            }
            send(stop, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    /** The {@code ErrorInformation} that finished it, or null. */
    ErrorInformation failure() {
        return failure;
    }
}
