package org.kamaelia4j.axon;

/**
 * A service that is not registered was deregistered (Axon's {@code MultipleServiceDeletion}).
 *
 * @see CoordinatingAssistantTracker
 */
public class MultipleServiceDeletionException extends AxonException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message, which names the service or value involved. */
    public MultipleServiceDeletionException(String message) {
        super(message);
    }
}
