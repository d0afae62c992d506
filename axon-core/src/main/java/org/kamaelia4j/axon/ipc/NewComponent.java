package org.kamaelia4j.axon.ipc;

import java.util.List;

import org.kamaelia4j.axon.Component;

/**
 * Components that a parent wants started (Axon's {@code newComponent}); a receiver activates
 * them on its own scheduler.
 *
 * @param components the components to start, in order
 */
public record NewComponent(List<Component> components) implements Ipc {

    /** Copies {@code components}; null becomes the empty list. */
    public NewComponent {
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** Convenience for {@code new NewComponent(List.of(components))}. */
    public NewComponent(Component... components) {
        this(List.of(components));
    }
}
