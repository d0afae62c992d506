package org.kamaelia4j.components.util;

import org.kamaelia4j.axon.BoxFullException;

/**
 * Passes messages on, dropping those the destination has no room for (Kamaelia's
 * {@code Util.LossyConnector}): for live data where the newest matters more than the complete
 * history, such as video frames or sensor readings.
 *
 * <pre>{@code
 * Renderer display = new Renderer();
 * display.setInboxSize(Component.INBOX, 2);
 * new Pipeline(camera, new LossyConnector(), display).run();   // a slow display skips frames
 * }</pre>
 *
 * <p>This is the one component in the library that loses messages, by design: a message meeting
 * a full inbox is counted in {@link #dropped()} and discarded, so the producer never waits. The
 * shutdown message on {@code signal} is never dropped.
 */
public final class LossyConnector extends Transformer {

    private volatile long dropped;

    /** A lossy connector with the standard boxes. */
    public LossyConnector() {
        super(boxes("messages", "the messages the destination had room for"));
    }

    @Override
    protected void process(Object msg) {
        try {
            send(msg);
        } catch (BoxFullException full) {
            dropped++;
        }
    }

    /** How many messages were dropped so far; readable from any thread. */
    public long dropped() {
        return dropped;
    }
}
