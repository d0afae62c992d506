package org.kamaelia4j.components.chassis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;

/**
 * Copies every message from {@code inbox} to each of several named outboxes (Kamaelia's
 * {@code Util.Fanout}).
 *
 * <pre>{@code
 * Graphline.builder()
 *     .component("source", new DataSource(1, 2, 3))
 *     .component("split", new Fanout("toLog", "toScreen"))
 *     .component("log", new Collector())
 *     .component("screen", new Collector())
 *     .link("source", OUTBOX, "split", INBOX)
 *     .link("source", SIGNAL, "split", CONTROL)
 *     .link("split", "toLog", "log", INBOX)
 *     .link("split", "toScreen", "screen", INBOX)
 *     .build().run();          // log and screen both get 1, 2, 3
 * }</pre>
 *
 * <p>The outboxes are fixed when it is built; for sinks that come and go use a
 * {@link PlugSplitter}. Unlike Axon's Fanout, which copied data to every outbox including
 * {@code signal}, only the named outboxes get copies ({@code outbox} too if it is named).
 *
 * <p>When a destination inbox is full the message waits until it has room and no more input is
 * read meanwhile, so nothing is lost. {@code ProducerFinished} or {@code ShutdownMicroprocess} on
 * {@code control} finishes it after the messages that came before, and goes out on
 * {@code signal}; other control messages are ignored.
 */
public final class Fanout extends Component {

    private final List<String> targets;
    private final Broadcast copies = new Broadcast(this);

    /**
     * A fanout to the named outboxes, in the order given.
     *
     * @throws IllegalArgumentException when none is named, one is named twice, or one is {@code signal}
     */
    public Fanout(String... outboxes) {
        this(List.of(outboxes));
    }

    /** A fanout to the named outboxes; see {@link #Fanout(String...)}. */
    public Fanout(List<String> outboxes) {
        super(boxes(outboxes));
        this.targets = List.copyOf(outboxes);
    }

    private static Boxes boxes(List<String> outboxes) {
        Set<String> distinct = new LinkedHashSet<>(outboxes);
        if (outboxes.isEmpty() || distinct.size() != outboxes.size() || distinct.contains(SIGNAL)) {
            throw new IllegalArgumentException("Fanout needs distinct outbox names other than '" + SIGNAL
                    + "', got " + outboxes);
        }
        Boxes.Builder b = Boxes.builder()
                .inbox(INBOX, "messages to copy to every named outbox")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "not used unless named")
                .outbox(SIGNAL, "the shutdown message, passed on");
        for (String name : outboxes) {
            b.outbox(name, "a copy of every message received on inbox");
        }
        return b.build();
    }

    @Override
    protected Step main() {
        if (!copies.resume()) {
            return Step.PAUSE;
        }
        while (dataReady()) {
            if (!copies.send(recv(), targets)) {
                return Step.PAUSE;
            }
        }
        return Shutdowns.forwardedShutdown(this) ? Step.DONE : Step.PAUSE;
    }
}
