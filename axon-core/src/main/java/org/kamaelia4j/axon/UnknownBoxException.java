package org.kamaelia4j.axon;

import java.util.Collection;

/**
 * A box name that the component does not have: thrown by {@code send}, {@code recv},
 * {@code dataReady}, {@code link}, {@code deleteInbox}, {@code trackResource} and every other call
 * that takes a box name.
 *
 * <pre>
 * Doubler_7 has no inbox 'inbx'; its inboxes are [inbox, control]
 * </pre>
 */
public class UnknownBoxException extends AxonException {

    private static final long serialVersionUID = 1L;

    private final String box;

    /**
     * @param component the component asked
     * @param kind      "inbox" or "outbox"
     * @param box       the name asked for
     * @param existing  the names of that kind it does have
     */
    public UnknownBoxException(Object component, String kind, String box, Collection<String> existing) {
        super(component + " has no " + kind + " '" + box + "'; its " + kind + "es are " + existing);
        this.box = box;
    }

    /**
     * @param message the whole message, naming the component, the box and what exists
     * @param box     the name asked for
     */
    public UnknownBoxException(String message, String box) {
        super(message);
        this.box = box;
    }

    /** The box name that was not found. */
    public String box() {
        return box;
    }
}
