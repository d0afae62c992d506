package org.kamaelia4j.components.util;

/**
 * Sends on every message it receives, unchanged (Kamaelia's {@code Util.PassThrough}): a
 * placeholder in a Graphline, or a point to hang a size-limited inbox on.
 *
 * <pre>{@code
 * PassThrough buffer = new PassThrough();
 * buffer.setInboxSize(Component.INBOX, 10);   // a bounded hop between two components
 * new Pipeline(source, buffer, sink).run();
 * }</pre>
 */
public final class PassThrough extends Transformer {

    /** A pass-through with the standard boxes. */
    public PassThrough() {
        super(boxes("messages", "the same messages, in order"));
    }

    @Override
    protected void process(Object msg) {
        emit(msg);
    }
}
