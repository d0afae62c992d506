package org.kamaelia4j.components.chassis;

import java.util.List;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Runs components one after another, each wired to the Seq's own boxes while it runs
 * (Kamaelia's {@code Chassis.Seq}).
 *
 * <pre>{@code
 * new Pipeline(
 *     new Seq(new DataSource("BEGIN"), new DataSource("Hello", "Doctor"), new DataSource("END")),
 *     new ConsoleEchoer()
 * ).run();                   // BEGIN Hello Doctor END, then ProducerFinished
 * }</pre>
 *
 * <p>While a component runs, the Seq's {@code inbox} passes through to its {@code inbox} and its
 * {@code outbox} passes out through the Seq's {@code outbox}. Its {@code signal} leads nowhere: a
 * component finishing must not shut down what is downstream of the Seq. When it finishes it is
 * unlinked and the next one is activated; messages that arrive on the Seq's {@code inbox}
 * meanwhile wait there and move on to the next component (messages left unread in the inbox of a
 * finished component are gone with it). After the last one the Seq sends
 * {@code ProducerFinished} on {@code signal} and finishes.
 *
 * <p>On {@code control}: {@code ShutdownMicroprocess} is passed to the running component, no
 * further component is started, and once it has finished the Seq passes the message on and
 * finishes. {@code ProducerFinished} (nothing more will arrive on {@code inbox}) is passed to the
 * running component and to each later one as it starts, so that consumers in the sequence do not
 * wait for input forever; the Seq still runs them all. Kamaelia's Seq also accepted strings to
 * print between components; use a one-message component for that here.
 */
public final class Seq extends Component {

    private static final String CHILD_CONTROL = "_childControl";

    private final List<Component> sequence;
    private int next;
    private Component current;
    private ProducerFinished upstreamDone;
    private ShutdownMicroprocess shutdown;

    /**
     * A sequence of the given components, in order.
     *
     * @throws IllegalArgumentException when there are none, or one is given twice
     */
    public Seq(Component... sequence) {
        super(Boxes.builder()
                .inbox(INBOX, "messages for the running component's inbox")
                .inbox(CONTROL, "ShutdownMicroprocess: stop the running component and skip the rest; "
                        + "ProducerFinished: passed to the running component and each later one")
                .outbox(OUTBOX, "what the running component sends on its outbox")
                .outbox(SIGNAL, "ProducerFinished after the last component, or the ShutdownMicroprocess received")
                .outbox(CHILD_CONTROL, "shutdown messages for the running component")
                .build());
        this.sequence = List.of(sequence);
        if (this.sequence.isEmpty() || this.sequence.stream().distinct().count() != this.sequence.size()) {
            throw new IllegalArgumentException("a Seq needs distinct components, at least one: " + this.sequence);
        }
    }

    @Override
    protected Step main() {
        while (dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ShutdownMicroprocess stop && shutdown == null) {
                shutdown = stop;
                send(stop, CHILD_CONTROL);
            } else if (m instanceof ProducerFinished done && upstreamDone == null) {
                upstreamDone = done;
                send(done, CHILD_CONTROL);
            }
        }
        if (current != null && current.isStopped()) {
            removeChild(current);   // removes the linkages to it
            current = null;
        }
        if (current != null) {
            return Step.PAUSE;
        }
        if (shutdown != null) {
            send(shutdown, SIGNAL);
            return Step.DONE;
        }
        if (next == sequence.size()) {
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
        start(sequence.get(next++));
        return Step.PAUSE;
    }

    private void start(Component c) {
        current = c;
        addChildren(c);
        link(c, OUTBOX, this, OUTBOX, Passthrough.OUTBOUND);
        link(this, CHILD_CONTROL, c, CONTROL);
        link(this, INBOX, c, INBOX, Passthrough.INBOUND);
        if (upstreamDone != null) {
            send(upstreamDone, CHILD_CONTROL);
        }
        c.activate(scheduler());
    }
}
