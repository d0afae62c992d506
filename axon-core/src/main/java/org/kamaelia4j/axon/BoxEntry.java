package org.kamaelia4j.axon;

/**
 * What a component's box table holds for one declared box: the box itself once it is in use
 * ({@link Box}), or only its declaration until then ({@link BoxDeclaration}).
 *
 * <p>Most boxes of most components are never used: a leaf of a tree only sends, a sink only
 * receives, and few components ever see their {@code control} or {@code signal} linked. So a
 * component starts with the table its {@link Boxes} declaration made, shared by every component
 * declaring the same boxes, and a box is made the first time it is used (see
 * {@link Component#inboxBox}).
 */
abstract sealed class BoxEntry permits Box, BoxDeclaration {

    final String name;
    final String description;

    BoxEntry(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** True for an inbox, false for an outbox. */
    abstract boolean isInbox();
}
