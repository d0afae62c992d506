package org.kamaelia4j.components.chassis;

import java.util.List;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Service;
import org.kamaelia4j.axon.Step;

/**
 * Receives everything published on a named {@link Backplane} from the moment it subscribed, and
 * sends it out of its {@code outbox} (Kamaelia's {@code Util.Backplane.SubscribeTo}).
 *
 * <pre>{@code
 * new Pipeline(new SubscribeTo("clock"), new ConsoleEchoer()).activate(s);
 * }</pre>
 *
 * <p>On its first slice it looks the backplane up in its scheduler's tracker (a clear
 * {@code IllegalStateException}, reported as {@code ErrorInformation} on {@code signal}, when
 * there is none) and adds itself as a sink: {@link #isSubscribed()} is true from then on, and every
 * message that reaches the backplane afterwards reaches this subscriber, in the order the
 * backplane got them. A full destination holds the message back and nothing is lost.
 *
 * <p>{@code ProducerFinished} or {@code ShutdownMicroprocess} on {@code control} unsubscribes and
 * finishes it, after the messages that came before, and goes out on {@code signal}; the backplane
 * goes on. The backplane's own shutdown arrives the same way, so subscribers end with it.
 */
public final class SubscribeTo extends Component {

    private static final String CONFIGURE = "_configure";
    private static final List<String> OUT = List.of(OUTBOX);

    private final String backplane;
    private final Broadcast forward = new Broadcast(this);
    private volatile boolean subscribed;

    /** A subscriber to the backplane called {@code backplane}. */
    public SubscribeTo(String backplane) {
        super(Boxes.builder()
                .inbox(INBOX, "the messages published on the backplane")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess: unsubscribe and stop "
                        + "(the backplane's own shutdown arrives here too)")
                .outbox(OUTBOX, "every message published after this subscribed")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .outbox(CONFIGURE, "AddSink and RemoveSink for the backplane")
                .build());
        this.backplane = backplane;
    }

    /** True once this subscriber is a sink of the backplane; may be called from any thread. */
    public boolean isSubscribed() {
        return subscribed;
    }

    @Override
    protected Step main() {
        if (!subscribed) {
            Service bus = Backplane.lookUp(this, Backplane.subscribeService(backplane), backplane);
            link(this, CONFIGURE, bus.component(), bus.inbox());
            send(new PlugSplitter.AddSink(this, INBOX, CONTROL), CONFIGURE);
            subscribed = true;
        }
        if (!forward.resume()) {
            return Step.PAUSE;
        }
        while (dataReady()) {
            if (!forward.send(recv(), OUT)) {
                return Step.PAUSE;
            }
        }
        while (dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (Shutdowns.isShutdown(m)) {
                send(new PlugSplitter.RemoveSink(this, INBOX, CONTROL), CONFIGURE);
                send(m, SIGNAL);
                return Step.DONE;
            }
        }
        return Step.PAUSE;
    }
}
