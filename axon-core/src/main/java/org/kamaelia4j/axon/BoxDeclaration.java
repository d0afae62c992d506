package org.kamaelia4j.axon;

/**
 * A declared box that no component has used yet: its name, description and kind. Immutable, and
 * shared by every component made from the same {@link Boxes}.
 */
final class BoxDeclaration extends BoxEntry {

    private final boolean inbox;

    BoxDeclaration(String name, String description, boolean inbox) {
        super(name, description);
        this.inbox = inbox;
    }

    @Override
    boolean isInbox() {
        return inbox;
    }

    /** A new box for {@code owner} made from this declaration. */
    Box makeFor(Component owner) {
        return inbox ? new Inbox(owner, name, description) : new Outbox(owner, name, description);
    }

    @Override
    public String toString() {
        return (inbox ? "inbox '" : "outbox '") + name + "' (not used yet)";
    }
}
