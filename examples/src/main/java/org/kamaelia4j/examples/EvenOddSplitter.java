package org.kamaelia4j.examples;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/** Fans integers out by parity; passes a shutdown message on to both branches. */
final class EvenOddSplitter extends Component {

    static final String EVENS = "evens";
    static final String ODDS = "odds";
    static final String EVENS_SIGNAL = "evensSignal";
    static final String ODDS_SIGNAL = "oddsSignal";

    EvenOddSplitter() {
        super(Boxes.builder()
                .inbox(INBOX, "integers to split")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(EVENS, "the even integers")
                .outbox(ODDS, "the odd integers")
                .outbox(EVENS_SIGNAL, "the shutdown message, for the evens branch")
                .outbox(ODDS_SIGNAL, "the shutdown message, for the odds branch")
                .build());
    }

    @Override
    protected Step main() {
        Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;   // first: what came before it is in the inbox
        while (dataReady()) {
            int n = recv();
            send(n, n % 2 == 0 ? EVENS : ODDS);
        }
        if (stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess) {
            send(stop, EVENS_SIGNAL);
            send(stop, ODDS_SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }
}
