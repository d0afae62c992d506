package org.kamaelia4j.axon;

/**
 * A tracked value's name is taken already (Axon's {@code NamespaceClash}).
 *
 * @see CoordinatingAssistantTracker
 */
public class NamespaceClashException extends AxonException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message, which names the service or value involved. */
    public NamespaceClashException(String message) {
        super(message);
    }
}
