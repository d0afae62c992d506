package org.kamaelia4j.components.util;

import java.util.List;

import org.kamaelia4j.components.util.TagWithSequenceNumber.Tagged;

/**
 * Passes on the messages whose number lies in one of a set of inclusive ranges and drops the rest
 * (Kamaelia's {@code Util.RangeFilter}, which looks at {@code item[0]}).
 *
 * <pre>{@code
 * new Pipeline(frames, new TagWithSequenceNumber(),
 *         new RangeFilter(List.of(new RangeFilter.Range(25, 49), new RangeFilter.Range(100, 199))),
 *         sink).run();
 * }</pre>
 *
 * <p>A message's number is its {@link Tagged#sequence()} when it is {@link Tagged}, else its value
 * when it is a whole {@link Number}; any other message fails the component with a message naming
 * it.
 */
public final class RangeFilter extends Transformer {

    private final List<Range> ranges;

    /** A filter passing numbers within any of {@code ranges}. */
    public RangeFilter(List<Range> ranges) {
        super(boxes("Tagged messages or numbers", "the messages whose number is in range"));
        this.ranges = List.copyOf(ranges);
    }

    @Override
    protected void process(Object msg) {
        long n = numberOf(msg);
        for (Range r : ranges) {
            if (r.contains(n)) {
                emit(msg);
                return;
            }
        }
    }

    private long numberOf(Object msg) {
        if (msg instanceof Tagged<?> tagged) {
            return tagged.sequence();
        }
        if (msg instanceof Long || msg instanceof Integer || msg instanceof Short || msg instanceof Byte) {
            return ((Number) msg).longValue();
        }
        throw new IllegalArgumentException(name() + " filters Tagged messages or whole numbers, but received a "
                + msg.getClass().getName() + " on 'inbox': " + msg);
    }

    /**
     * An inclusive range of numbers.
     *
     * @param low  the smallest number in it
     * @param high the largest number in it, at least {@code low}
     */
    public record Range(long low, long high) {

        /** Checks that the range is not empty. */
        public Range {
            if (high < low) {
                throw new IllegalArgumentException("RangeFilter.Range(" + low + ", " + high + ") is empty");
            }
        }

        /** True when {@code n} lies within it. */
        public boolean contains(long n) {
            return n >= low && n <= high;
        }
    }
}
