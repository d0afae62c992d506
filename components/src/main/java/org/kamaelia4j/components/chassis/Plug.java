package org.kamaelia4j.components.chassis;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Step;

/**
 * Plugs a component into a {@link PlugSplitter} as one of its sinks for as long as the component
 * runs (Kamaelia's {@code Util.Splitter.Plug}).
 *
 * <pre>{@code
 * PlugSplitter splitter = new PlugSplitter();
 * new Pipeline(new DataSource(1, 2, 3), splitter).activate(s);
 * Collector seen = new Collector();
 * new Plug(splitter, seen).activate(s);   // seen gets what the splitter gets from now on
 * }</pre>
 *
 * <p>On its first slice the plug makes the component its child, passes its own {@code inbox} and
 * {@code control} through to the component's, passes the component's {@code outbox} and
 * {@code signal} out through its own, and sends {@code AddSink(plug, inbox, control)} to the
 * splitter: so the component gets the splitter's data on {@code inbox} and its shutdown messages
 * on {@code control}. When the component finishes the plug sends the matching {@code RemoveSink}
 * and finishes; the splitter goes on.
 */
public final class Plug extends Component {

    private static final String SPLITTER_CONFIG = "_splitterConfig";

    private final Component splitter;
    private final Component child;
    private boolean plugged;

    /**
     * A plug for {@code child} into {@code splitter}, which must have a {@code configuration}
     * inbox that takes {@code AddSink}/{@code RemoveSink}.
     */
    public Plug(Component splitter, Component child) {
        super(Boxes.builder()
                .inbox(INBOX, "data for the plugged component (the splitter's data arrives here)")
                .inbox(CONTROL, "control messages for the plugged component, the splitter's included")
                .outbox(OUTBOX, "what the plugged component sends on its outbox")
                .outbox(SIGNAL, "what the plugged component sends on its signal")
                .outbox(SPLITTER_CONFIG, "AddSink and RemoveSink for the splitter")
                .build());
        if (splitter == null || child == null) {
            throw new NullPointerException("Plug needs a splitter and a component, got " + splitter + ", " + child);
        }
        this.splitter = splitter;
        this.child = child;
    }

    @Override
    protected Step main() {
        if (!plugged) {
            plugged = true;
            plugIn();
        }
        if (!childrenDone()) {
            return Step.PAUSE;
        }
        send(new PlugSplitter.RemoveSink(this, INBOX, CONTROL), SPLITTER_CONFIG);
        return Step.DONE;
    }

    private void plugIn() {
        link(this, SPLITTER_CONFIG, splitter, PlugSplitter.CONFIGURATION);
        addChildren(child);
        link(this, INBOX, child, INBOX, Passthrough.INBOUND);
        link(this, CONTROL, child, CONTROL, Passthrough.INBOUND);
        link(child, OUTBOX, this, OUTBOX, Passthrough.OUTBOUND);
        link(child, SIGNAL, this, SIGNAL, Passthrough.OUTBOUND);
        send(new PlugSplitter.AddSink(this, INBOX, CONTROL), SPLITTER_CONFIG);
        child.activate(scheduler());
    }
}
