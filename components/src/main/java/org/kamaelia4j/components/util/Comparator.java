package org.kamaelia4j.components.util;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

import org.kamaelia4j.axon.Boxes;

/**
 * Compares messages from two inboxes pairwise, sending {@code true} when the pair is equal
 * (Kamaelia's {@code Util.Comparator}).
 *
 * <pre>{@code
 * Graphline.builder()
 *     .component("A", expected).component("B", actual).component("CMP", new Comparator())
 *     .link("A", "outbox", "CMP", "inA").link("B", "outbox", "CMP", "inB")
 *     ...
 * }</pre>
 *
 * <p>The n-th message on {@code inA} is compared with the n-th on {@code inB}, by
 * {@code equals}; a message waits until its partner arrives. Its {@code inbox} is not used.
 */
public final class Comparator extends Transformer {

    /** The first inbox of each pair. */
    public static final String IN_A = "inA";
    /** The second inbox of each pair. */
    public static final String IN_B = "inB";

    private final Deque<Object> a = new ArrayDeque<>();
    private final Deque<Object> b = new ArrayDeque<>();

    /** A comparator with {@code inA}, {@code inB} and {@code control}. */
    public Comparator() {
        super(Boxes.builder()
                .inbox(INBOX, "not used")
                .inbox(IN_A, "the first item of each pair")
                .inbox(IN_B, "the second item of each pair")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "Boolean: whether the pair was equal")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
    }

    @Override
    protected boolean poll() {
        while (dataReady(IN_A)) {
            a.addLast(recv(IN_A));
        }
        while (dataReady(IN_B)) {
            b.addLast(recv(IN_B));
        }
        while (!a.isEmpty() && !b.isEmpty()) {
            emit(Objects.equals(a.pollFirst(), b.pollFirst()));
        }
        return false;
    }
}
