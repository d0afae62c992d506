package org.kamaelia4j.components.util;

/**
 * Wraps every message with its sequence number, counting from 0 (Kamaelia's
 * {@code Util.TagWithSequenceNumber}, which sends {@code (n, msg)} tuples).
 *
 * <pre>{@code
 * new Pipeline(new DataSource("a", "b"), new TagWithSequenceNumber(), new ConsoleEchoer()).run();
 * // Tagged[sequence=0, value=a], Tagged[sequence=1, value=b]
 * }</pre>
 *
 * <p>{@link RangeFilter} selects tagged messages by their number.
 */
public final class TagWithSequenceNumber extends Transformer {

    private long next;

    /** A tagger counting from 0. */
    public TagWithSequenceNumber() {
        super(boxes("messages to number", "Tagged(sequence, message), sequence counting from 0"));
    }

    @Override
    protected void process(Object msg) {
        emit(new Tagged<>(next++, msg));
    }

    /**
     * A message with its sequence number.
     *
     * @param sequence its position in the stream, from 0
     * @param value    the message
     * @param <T>      the message's type
     */
    public record Tagged<T>(long sequence, T value) {
    }
}
