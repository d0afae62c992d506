package org.kamaelia4j.examples;

import java.io.PrintStream;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/** Prints every message on its own line, with a prefix; finishes on a shutdown message. */
final class Printer extends Component {

    private final PrintStream out;
    private final String prefix;

    Printer(PrintStream out, String prefix) {
        super(Boxes.builder()
                .inbox(INBOX, "messages to print")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "not used")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
        this.out = out;
        this.prefix = prefix;
    }

    @Override
    protected Step main() {
        Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;   // first: what came before it is in the inbox
        while (dataReady()) {
            out.println(prefix + recv());
        }
        if (stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess) {
            send(stop, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }
}
