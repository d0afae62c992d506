package org.kamaelia4j.components.chassis;

import java.util.ArrayList;
import java.util.List;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Runs components side by side and finishes when all of them have (Kamaelia's {@code Chassis.PAR},
 * after occam's PAR).
 *
 * <pre>{@code
 * new Pipeline(
 *     new DataSource("job1", "job2"),
 *     new Par(new Archiver(), new Indexer()),      // both get job1, job2, then ProducerFinished
 *     new Collector()                              // gets what both send
 * ).run();
 * }</pre>
 *
 * <ul>
 * <li>Every message on the Par's {@code inbox} is copied to every running child's {@code inbox}.
 *     (Axon's PAR documented this but dropped the messages; here they are delivered.) A full
 *     child inbox holds the copy back and the Par reads no more input until it has room.</li>
 * <li>Every message on {@code control} is copied to every running child's {@code control}.</li>
 * <li>What any child sends on its {@code outbox} leaves through the Par's {@code outbox}. The
 *     children's {@code signal}s lead nowhere: the Par sends one shutdown message of its own.</li>
 * <li>When every child has finished, the Par sends the first {@code ShutdownMicroprocess} or
 *     {@code ProducerFinished} it received on {@code control} (or a {@code ProducerFinished} of its
 *     own when none came) on {@code signal}, and finishes. Unlike Axon's PAR it waits for its
 *     children on {@code ShutdownMicroprocess} too, so none is left running unowned.</li>
 * </ul>
 */
public final class Par extends Component {

    private final List<Component> components;
    private final List<String> toInboxes = new ArrayList<>();
    private final List<String> toControls = new ArrayList<>();
    private final Broadcast copies = new Broadcast(this);
    private boolean started;
    private Object shutdown;

    /**
     * Runs the given components in parallel.
     *
     * @throws IllegalArgumentException when there are none, or one is given twice
     */
    public Par(Component... children) {
        super(boxes(children.length));
        this.components = List.of(children);
        if (components.isEmpty() || components.stream().distinct().count() != components.size()) {
            throw new IllegalArgumentException("a Par needs distinct components, at least one: " + components);
        }
        for (int i = 0; i < children.length; i++) {
            toInboxes.add("_inbox" + i);
            toControls.add("_control" + i);
        }
    }

    private static Boxes boxes(int children) {
        Boxes.Builder b = Boxes.builder()
                .inbox(INBOX, "messages copied to every child's inbox")
                .inbox(CONTROL, "messages copied to every child's control; ProducerFinished or "
                        + "ShutdownMicroprocess end the Par once its children ended")
                .outbox(OUTBOX, "what the children send on their outboxes")
                .outbox(SIGNAL, "the shutdown message received, or ProducerFinished, once every child finished");
        for (int i = 0; i < children; i++) {
            b.outbox("_inbox" + i, "copies of inbox for child " + i);
            b.outbox("_control" + i, "copies of control for child " + i);
        }
        return b.build();
    }

    @Override
    protected Step main() {
        if (!started) {
            started = true;
            start();
        }
        boolean allDone = childrenDone();   // unlinks finished children: copies to them are dropped
        if (!copies.resume()) {
            return Step.PAUSE;
        }
        while (dataReady()) {
            if (!copies.send(recv(), toInboxes)) {
                return Step.PAUSE;
            }
        }
        while (dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (shutdown == null && Shutdowns.isShutdown(m)) {
                shutdown = m;
            }
            if (!copies.send(m, toControls)) {
                return Step.PAUSE;
            }
        }
        if (!allDone) {
            return Step.PAUSE;
        }
        send(shutdown != null ? shutdown : new ProducerFinished(this, null), SIGNAL);
        return Step.DONE;
    }

    private void start() {
        addChildren(components.toArray(Component[]::new));
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            link(this, toInboxes.get(i), c, INBOX);
            link(this, toControls.get(i), c, CONTROL);
            link(c, OUTBOX, this, OUTBOX, Passthrough.OUTBOUND);
        }
        for (Component c : components) {
            c.activate(scheduler());
        }
    }
}
