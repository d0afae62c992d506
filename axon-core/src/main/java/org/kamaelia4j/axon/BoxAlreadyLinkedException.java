package org.kamaelia4j.axon;

/**
 * A box can be the source of at most one linkage; a second {@code link} from the same box throws
 * this (Axon's {@code BoxAlreadyLinkedToDestination}). Many sources may feed one box.
 */
public class BoxAlreadyLinkedException extends AxonException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message, which names the box and its existing linkage. */
    public BoxAlreadyLinkedException(String message) {
        super(message);
    }
}
