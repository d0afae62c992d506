package org.kamaelia4j.axon;

/**
 * The kind of a {@link Linkage}: which boxes it joins (Axon's {@code passthrough} argument).
 *
 * <pre>{@code
 * link(producer, OUTBOX, consumer, INBOX);                           // NONE: sibling to sibling
 * link(this, INBOX, firstChild, INBOX, Passthrough.INBOUND);          // parent's inbox to a child's
 * link(lastChild, OUTBOX, this, OUTBOX, Passthrough.OUTBOUND);        // child's outbox to the parent's
 * }</pre>
 */
public enum Passthrough {
    /** Axon's 0: an outbox to an inbox. */
    NONE,
    /** Axon's 1: an inbox to an inbox, from a container into one of its children. */
    INBOUND,
    /** Axon's 2: an outbox to an outbox, from a child out through its container. */
    OUTBOUND
}
