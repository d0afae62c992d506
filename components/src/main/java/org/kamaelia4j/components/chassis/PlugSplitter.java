package org.kamaelia4j.components.chassis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kamaelia4j.axon.AdaptiveCommsComponent;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.UnknownBoxException;

/**
 * One source, many sinks that come and go while it runs (Kamaelia's {@code Util.Splitter.PlugSplitter}).
 *
 * <p>Everything arriving on {@code inbox} goes out of {@code outbox} and to the data inbox of
 * every sink; everything arriving on {@code control} goes out of {@code signal} and to the
 * control inbox of every sink. Sinks are added and removed with {@link AddSink} and
 * {@link RemoveSink} messages on {@code configuration}; {@link Plug} does that for a component.
 * The data may instead come from a source component the splitter runs as its child
 * ({@link #PlugSplitter(Component)}).
 *
 * <pre>{@code
 * PlugSplitter splitter = new PlugSplitter();
 * Pipeline source = new Pipeline(new DataSource("a", "b"), splitter);
 * Plug first = new Plug(splitter, new Collector());
 * Plug second = new Plug(splitter, new Collector());
 * // source, first and second activated on one scheduler: both collectors get "a", "b",
 * // then the ProducerFinished, which finishes them, their plugs and the splitter.
 * }</pre>
 *
 * <h2>How it works</h2>
 * It is an {@link AdaptiveCommsComponent}: each sink gets an outbox of its own, added when the
 * sink is and deleted (with its linkage) when it is removed. A sink added while messages flow
 * gets every message that arrived on {@code inbox} after its {@code AddSink} arrived on
 * {@code configuration}: {@code configuration} is declared first so that its per-slice snapshot is
 * taken last, and each slice handles configuration before data. A full sink inbox holds the
 * message back (nothing is lost, and the splitter reads no more input until it has room);
 * removing that sink releases it.
 *
 * <p>{@code ProducerFinished} or {@code ShutdownMicroprocess} on {@code control} is passed to
 * every sink like any control message, and then the splitter finishes.
 */
public final class PlugSplitter extends AdaptiveCommsComponent {

    /** The inbox that takes {@link AddSink} and {@link RemoveSink}. */
    public static final String CONFIGURATION = "configuration";

    /**
     * Adds a sink: {@code inbox} (or null) gets the data, {@code control} (or null) the control messages.
     *
     * @param sink    the component to send to
     * @param inbox   its inbox for data, or null for none
     * @param control its inbox for control messages, or null for none
     */
    public record AddSink(Component sink, String inbox, String control) {

        /** Checks that the sink has the boxes named, so that a bad request fails at its sender. */
        public AddSink {
            checkSink("AddSink", sink, inbox, control);
        }
    }

    /**
     * Removes what an {@link AddSink} with the same fields added (either part alone may be removed).
     *
     * @param sink    the component sent to
     * @param inbox   its data inbox to stop sending to, or null
     * @param control its control inbox to stop sending to, or null
     */
    public record RemoveSink(Component sink, String inbox, String control) {

        /** Checks the fields like {@link AddSink}. */
        public RemoveSink {
            checkSink("RemoveSink", sink, inbox, control);
        }
    }

    /** A sink's inbox. */
    private record Destination(Component sink, String inbox) {
    }

    private static final String FROM_SOURCE = "_inbox";
    private static final String SOURCE_SIGNAL = "_control";

    private final Map<Destination, String> dataSinks = new LinkedHashMap<>();
    private final Map<Destination, String> controlSinks = new LinkedHashMap<>();
    private final Broadcast copies = new Broadcast(this);
    private final Component source;
    private final String dataBox;
    private final String controlBox;
    private boolean started;
    private boolean sourceEnded;
    private Object shutdown;
    private volatile int dataSinkCount;

    /** A splitter with no sinks yet, copying what arrives on its {@code inbox} and {@code control}. */
    public PlugSplitter() {
        this(null);
    }

    /**
     * A splitter whose data come from {@code source}, a child it runs (Kamaelia's
     * {@code PlugSplitter(sourceComponent)}): the splitter's {@code inbox} and {@code control}
     * pass through to the source's, and what the source sends on {@code outbox} and
     * {@code signal} is copied out. The splitter finishes once the source has, after copying
     * everything it sent. Null means no source.
     */
    public PlugSplitter(Component source) {
        super(Boxes.builder()
                .inbox(CONFIGURATION, "AddSink and RemoveSink requests")
                .inbox(INBOX, "data to copy to outbox and to every sink's data inbox (the source's, if it has one)")
                .inbox(CONTROL, "control messages to copy to signal and every sink's control inbox; "
                        + "ProducerFinished or ShutdownMicroprocess also finish the splitter (or go to its source)")
                .inbox(FROM_SOURCE, "what the source sends on its outbox, to copy like inbox")
                .inbox(SOURCE_SIGNAL, "what the source sends on its signal, to copy like control")
                .outbox(OUTBOX, "a copy of every message received on inbox")
                .outbox(SIGNAL, "a copy of every message received on control")
                .build());
        this.source = source;
        this.dataBox = source == null ? INBOX : FROM_SOURCE;
        this.controlBox = source == null ? CONTROL : SOURCE_SIGNAL;
    }

    /** How many sinks it copies data to now; for monitoring, from any thread. */
    public int sinkCount() {
        return dataSinkCount;
    }

    @Override
    protected Step main() {
        if (!started) {
            started = true;
            startSource();
        }
        while (dataReady(CONFIGURATION)) {
            configure(recv(CONFIGURATION));
        }
        if (!copies.resume()) {
            return Step.PAUSE;
        }
        if (shutdown != null) {
            return Step.DONE;
        }
        while (dataReady(dataBox)) {
            if (!copies.send(recv(dataBox), outboxes(OUTBOX, dataSinks))) {
                return Step.PAUSE;
            }
        }
        while (dataReady(controlBox)) {
            Object m = recv(controlBox);
            if (source == null && Shutdowns.isShutdown(m)) {
                shutdown = m;
            }
            if (!copies.send(m, outboxes(SIGNAL, controlSinks))) {
                return Step.PAUSE;
            }
            if (shutdown != null) {
                return Step.DONE;
            }
        }
        return source == null ? Step.PAUSE : afterSource();
    }

    private void startSource() {
        if (source == null) {
            return;
        }
        addChildren(source);
        link(this, INBOX, source, INBOX, Passthrough.INBOUND);
        link(this, CONTROL, source, CONTROL, Passthrough.INBOUND);
        link(source, OUTBOX, this, FROM_SOURCE);
        link(source, SIGNAL, this, SOURCE_SIGNAL);
        source.activate(scheduler());
    }

    /**
     * Finishes one slice after seeing the source finished: by then everything it sent is visible
     * and, since this slice got here, copied.
     */
    private Step afterSource() {
        if (sourceEnded) {
            return Step.DONE;
        }
        if (childrenDone()) {
            sourceEnded = true;
            return Step.CONTINUE;
        }
        return Step.PAUSE;
    }

    private static List<String> outboxes(String own, Map<Destination, String> sinks) {
        List<String> all = new ArrayList<>(sinks.size() + 1);
        all.add(own);
        all.addAll(sinks.values());
        return all;
    }

    /** Once finished it copies to no one, whatever sinks were configured. */
    @Override
    protected void closeDownComponent() {
        dataSinkCount = 0;
    }

    private void configure(Object request) {
        if (request instanceof AddSink add) {
            addSink(dataSinks, add.sink(), add.inbox(), OUTBOX);
            addSink(controlSinks, add.sink(), add.control(), SIGNAL);
        } else if (request instanceof RemoveSink remove) {
            removeSink(dataSinks, remove.sink(), remove.inbox());
            removeSink(controlSinks, remove.sink(), remove.control());
        } else {
            throw new IllegalArgumentException(name() + ": '" + CONFIGURATION
                    + "' takes AddSink or RemoveSink, got " + request);
        }
        dataSinkCount = dataSinks.size();
    }

    private void addSink(Map<Destination, String> sinks, Component sink, String inbox, String prefix) {
        Destination d = new Destination(sink, inbox);
        if (inbox == null || sinks.containsKey(d)) {
            return;
        }
        String outbox = addOutbox(prefix, "copies for " + sink.name() + "." + inbox);
        link(this, outbox, sink, inbox);
        sinks.put(d, outbox);
    }

    private void removeSink(Map<Destination, String> sinks, Component sink, String inbox) {
        String outbox = inbox == null ? null : sinks.remove(new Destination(sink, inbox));
        if (outbox != null) {
            copies.forget(outbox);
            deleteOutbox(outbox);
        }
    }

    private static void checkSink(String request, Component sink, String inbox, String control) {
        if (sink == null) {
            throw new NullPointerException(request + ": the sink component must be non-null");
        }
        if (inbox == null && control == null) {
            throw new IllegalArgumentException(request + " for " + sink.name()
                    + " names neither an inbox nor a control");
        }
        for (String box : new String[] {inbox, control}) {
            if (box != null && !sink.inboxNames().contains(box)) {
                throw new UnknownBoxException(sink, "inbox", box, sink.inboxNames());
            }
        }
    }
}
