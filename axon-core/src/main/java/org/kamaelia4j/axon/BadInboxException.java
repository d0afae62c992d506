package org.kamaelia4j.axon;

/**
 * A service was registered with an inbox its component lacks (Axon's {@code BadInbox}).
 *
 * @see CoordinatingAssistantTracker
 */
public class BadInboxException extends AxonException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message, which names the service or value involved. */
    public BadInboxException(String message) {
        super(message);
    }
}
