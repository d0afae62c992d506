package org.kamaelia4j.components.chassis;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Service;
import org.kamaelia4j.axon.Step;

/**
 * Publishes everything sent to its {@code inbox} on a named {@link Backplane} (Kamaelia's
 * {@code Util.Backplane.PublishTo}).
 *
 * <pre>{@code
 * new Pipeline(new DataSource("tick", "tock"), new PublishTo("clock")).activate(s);
 * }</pre>
 *
 * <p>On its first slice it looks the backplane up in its scheduler's tracker (a clear
 * {@code IllegalStateException}, reported as {@code ErrorInformation} on {@code signal}, when
 * there is none) and passes its {@code inbox} straight through to the backplane: messages cost
 * one hop, and those that arrived before move on. {@code ProducerFinished} or
 * {@code ShutdownMicroprocess} on {@code control} finishes the publisher and goes out on
 * {@code signal}, never to the backplane, which goes on serving others.
 */
public final class PublishTo extends Component {

    private final String backplane;
    private boolean linked;

    /** A publisher to the backplane called {@code backplane}. */
    public PublishTo(String backplane) {
        super(Boxes.builder()
                .inbox(INBOX, "messages to publish (passed straight through to the backplane)")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess: stop publishing (the backplane goes on)")
                .outbox(OUTBOX, "not used")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
        this.backplane = backplane;
    }

    @Override
    protected Step main() {
        if (!linked) {
            linked = true;
            Service bus = Backplane.lookUp(this, Backplane.publishService(backplane), backplane);
            link(this, INBOX, bus.component(), bus.inbox(), Passthrough.INBOUND);
        }
        return Shutdowns.forwardedShutdown(this) ? Step.DONE : Step.PAUSE;
    }
}
