package org.kamaelia4j.axon;

/**
 * An outbox: holds nothing itself; a send goes straight to the resolved {@link #sink}, or is
 * dropped when the outbox leads nowhere (Axon >= 1.5).
 */
final class Outbox extends Box {

    Outbox(Component owner, String name, String description) {
        super(owner, name, description);
    }

    @Override
    Inbox selfSink() {
        return null;
    }

    @Override
    boolean isInbox() {
        return false;
    }

    @Override
    String kind() {
        return "outbox";
    }
}
