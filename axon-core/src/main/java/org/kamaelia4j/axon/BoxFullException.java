package org.kamaelia4j.axon;

/**
 * A message could not be delivered because the destination inbox is at its size limit (Axon's
 * {@code noSpaceInBox}). The message was not delivered: the sender still has it and may retry
 * once woken (a {@code recv} that frees space wakes every producer feeding that inbox).
 *
 * <pre>{@code
 * try {
 *     send(item);
 * } catch (BoxFullException full) {
 *     pending = item;          // keep it, try again when woken
 *     return Step.PAUSE;
 * }
 * }</pre>
 */
public class BoxFullException extends AxonException {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final int capacity;

    /**
     * @param message  what was full and who was sending
     * @param size     messages in the box when the send was refused
     * @param capacity the box's size limit
     */
    public BoxFullException(String message, int size, int capacity) {
        super(message);
        this.size = size;
        this.capacity = capacity;
    }

    /** Messages in the box when the send was refused. */
    public int size() {
        return size;
    }

    /** The box's size limit. */
    public int capacity() {
        return capacity;
    }
}
