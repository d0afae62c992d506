package org.kamaelia4j.examples;

import java.util.ArrayList;
import java.util.List;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * One component of a {@link TokenRing}: passes every token it receives to the next node, until
 * the token has made its hops.
 *
 * <pre>{@code
 * TokenRing.Run run = new TokenRing.Run(3, 1);
 * RingNode a = new RingNode(run), b = new RingNode(run), c = new RingNode(run);
 * a.seed(new RingNode.Token(300));           // a, b, c then linked outbox -> inbox and signal -> control
 * }</pre>
 *
 * <p>A token is a small mutable object: whoever holds it owns it ("take it from the in-tray and
 * it's yours; put it in the post and it's not"), so counting its hops down allocates nothing.
 * Tokens seeded into a node wait until every node of the ring has run its first slice, so that
 * the timed part is hops only. The node where the last token ends sends
 * {@code ShutdownMicroprocess} on {@code signal}; it goes round the ring, each node passing it on
 * and finishing.
 */
final class RingNode extends Component {

    /** A token with a number of hops still to make; owned by whoever holds it. */
    static final class Token {
        private long hopsLeft;

        Token(long hops) {
            this.hopsLeft = hops;
        }
    }

    private final TokenRing.Run run;
    private final List<Token> seeded = new ArrayList<>();
    private boolean started;

    /** A node of the ring that {@code run} measures. */
    RingNode(TokenRing.Run run) {
        super(Boxes.builder()
                .inbox(INBOX, "tokens from the previous node")
                .inbox(CONTROL, "ShutdownMicroprocess (or ProducerFinished) going round the ring at the end")
                .outbox(OUTBOX, "tokens to the next node")
                .outbox(SIGNAL, "the shutdown message, to the next node")
                .build());
        this.run = run;
    }

    /** Puts a token here before the ring starts; it sets off once every node has started. */
    void seed(Token token) {
        seeded.add(token);
        run.seededAt(this);
    }

    @Override
    protected Step main() {
        if (!started) {
            started = true;
            run.nodeStarted();
        }
        if (!seeded.isEmpty() && run.going()) {
            for (Token t : seeded) {
                if (hop(t)) {
                    return Step.DONE;
                }
            }
            seeded.clear();
        }
        Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;
        while (dataReady()) {
            if (hop(recv())) {
                return Step.DONE;
            }
        }
        if (stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess) {
            send(stop, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    /** Passes {@code t} on; true when it was the last token of the run (the ring is then told to stop). */
    private boolean hop(Token t) {
        if (t.hopsLeft > 0) {
            t.hopsLeft--;
            send(t);
            return false;
        }
        if (run.tokenDone()) {
            send(new ShutdownMicroprocess(), SIGNAL);
            return true;
        }
        return false;
    }
}
