package org.kamaelia4j.axon;

/**
 * A service name is registered already (Axon's {@code ServiceAlreadyExists}).
 *
 * @see CoordinatingAssistantTracker
 */
public class ServiceAlreadyExistsException extends AxonException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message, which names the service or value involved. */
    public ServiceAlreadyExistsException(String message) {
        super(message);
    }
}
