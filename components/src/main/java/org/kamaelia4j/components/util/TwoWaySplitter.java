package org.kamaelia4j.components.util;

import org.kamaelia4j.axon.Boxes;

/**
 * Sends every message on two outboxes, {@code outbox} and {@code outbox2}, and the shutdown
 * message on both {@code signal} and {@code signal2} (Kamaelia's {@code Util.TwoWaySplitter}).
 *
 * <pre>{@code
 * Graphline.builder()
 *     .component("SRC", source).component("SPLIT", new TwoWaySplitter())
 *     .component("A", recorder).component("B", display)
 *     .link("SRC", "outbox", "SPLIT", "inbox")
 *     .link("SPLIT", "outbox", "A", "inbox").link("SPLIT", "outbox2", "B", "inbox")
 *     .link("SPLIT", "signal", "A", "control").link("SPLIT", "signal2", "B", "control")
 *     ...
 * }</pre>
 *
 * <p>Both destinations get every message: when either is full, the splitter holds the message
 * and reads no more input until both have taken it, so the slower one sets the pace.
 */
public final class TwoWaySplitter extends Transformer {

    /** The second data outbox. */
    public static final String OUTBOX2 = "outbox2";
    /** The second signal outbox. */
    public static final String SIGNAL2 = "signal2";

    /** A splitter with {@code outbox}, {@code outbox2}, {@code signal} and {@code signal2}. */
    public TwoWaySplitter() {
        super(Boxes.builder()
                .inbox(INBOX, "messages to copy")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "every message")
                .outbox(OUTBOX2, "every message, again")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .outbox(SIGNAL2, "the shutdown message, passed on here too")
                .build());
    }

    @Override
    protected void process(Object msg) {
        emit(msg, OUTBOX);
        emit(msg, OUTBOX2);
    }

    @Override
    protected Object finishing(Object shutdownMessage) {
        emit(shutdownMessage, SIGNAL2);
        return shutdownMessage;
    }
}
