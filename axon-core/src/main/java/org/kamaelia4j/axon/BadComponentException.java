package org.kamaelia4j.axon;

/**
 * A service was registered with no component, or something that is not one (Axon's {@code BadComponent}).
 *
 * @see CoordinatingAssistantTracker
 */
public class BadComponentException extends AxonException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message, which names the service or value involved. */
    public BadComponentException(String message) {
        super(message);
    }
}
