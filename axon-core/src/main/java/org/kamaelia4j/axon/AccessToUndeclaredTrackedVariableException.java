package org.kamaelia4j.axon;

/**
 * A tracked value was updated before it was declared with {@code trackValue} (Axon's
 * {@code AccessToUndeclaredTrackedVariable}).
 *
 * @see CoordinatingAssistantTracker
 */
public class AccessToUndeclaredTrackedVariableException extends AxonException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message, which names the service or value involved. */
    public AccessToUndeclaredTrackedVariableException(String message) {
        super(message);
    }
}
