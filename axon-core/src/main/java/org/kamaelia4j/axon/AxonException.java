package org.kamaelia4j.axon;

/**
 * Base of the unchecked exceptions Axon's machinery throws (Axon's {@code AxonException}).
 *
 * <p>Every subclass carries a message that names the component, the box or the service involved
 * and what exists instead, so that the message alone tells a user what to fix.
 */
public class AxonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public AxonException(String message) {
        super(message);
    }
}
