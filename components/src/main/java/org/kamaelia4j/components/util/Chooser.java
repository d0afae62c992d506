package org.kamaelia4j.components.util;

import java.util.List;

/**
 * Steps forwards and backwards through a list of items on command, sending the item it lands on
 * (Kamaelia's {@code Util.Chooser}): a cursor over a list, e.g. the pictures of a slide show.
 *
 * <pre>{@code
 * Chooser slides = new Chooser(List.of("a.png", "b.png", "c.png"), false);
 * // sends "a.png" at once; then "NEXT" -> "b.png", "PREV" -> "a.png", "LAST" -> "c.png"
 * }</pre>
 *
 * <p>It sends the first item when it starts (nothing if the list is empty). The commands on
 * {@code inbox} are the strings {@link #NEXT}, {@link #PREV}, {@link #FIRST}, {@link #LAST} and
 * {@link #SAME}; a step past either end sends nothing, unless the chooser loops, when it wraps
 * round. Any other command fails the component with a message listing the commands.
 */
public final class Chooser extends Transformer {

    /** Step to the next item. */
    public static final String NEXT = "NEXT";
    /** Step to the previous item. */
    public static final String PREV = "PREV";
    /** Go to the first item. */
    public static final String FIRST = "FIRST";
    /** Go to the last item. */
    public static final String LAST = "LAST";
    /** Send the current item again. */
    public static final String SAME = "SAME";

    private final List<?> items;
    private final boolean loop;
    private int index;

    /** A chooser over {@code items}; with {@code loop}, stepping past an end wraps round. */
    public Chooser(List<?> items, boolean loop) {
        super(boxes("commands: NEXT, PREV, FIRST, LAST or SAME", "the item chosen"));
        this.items = List.copyOf(items);
        this.loop = loop;
    }

    @Override
    protected void initialiseComponent() {
        if (!items.isEmpty()) {
            emit(items.get(0));
        }
    }

    @Override
    protected void process(Object msg) {
        int last = items.size() - 1;
        int target = switch (String.valueOf(msg)) {
            case NEXT -> index < last ? index + 1 : loop ? 0 : -1;
            case PREV -> index > 0 ? index - 1 : loop ? last : -1;
            case FIRST -> 0;
            case LAST -> last;
            case SAME -> index;
            default -> throw new IllegalArgumentException(name() + " understands NEXT, PREV, FIRST, LAST and SAME"
                    + " on 'inbox', but received: " + msg);
        };
        if (target >= 0 && !items.isEmpty()) {
            index = target;
            emit(items.get(index));
        }
    }
}
