package org.kamaelia4j.axon;

import java.util.List;

/**
 * Wires components in a chain and runs them as one component (Kamaelia's {@code Pipeline}).
 *
 * <pre>{@code
 * new Pipeline(
 *     new NumberSource(1, 10),
 *     new Doubler(),
 *     new ConsoleEchoer()
 * ).run();
 * }</pre>
 *
 * <p>Each child's {@code outbox} is linked to the next child's {@code inbox} and its
 * {@code signal} to the next child's {@code control}, so the usual shutdown message travels down
 * the chain. The Pipeline's own {@code inbox} and {@code control} pass through to the first
 * child, and the last child's {@code outbox} and {@code signal} pass out through the Pipeline's:
 * a Pipeline nests inside other Pipelines and Graphlines like any component. Messages sent to the
 * Pipeline before it started move on to the first child when it does. The children run on the
 * Pipeline's scheduler; the Pipeline finishes when every child has finished.
 */
public final class Pipeline extends Component {

    private final List<Component> components;
    private boolean wired;

    /**
     * A pipeline of the given components, in order.
     *
     * @throws IllegalArgumentException when there are none, or one is given twice
     */
    public Pipeline(Component... children) {
        if (children.length == 0) {
            throw new IllegalArgumentException("a Pipeline needs at least one component");
        }
        this.components = List.of(children);
        if (components.stream().distinct().count() != components.size()) {
            throw new IllegalArgumentException("a component can appear in a Pipeline only once: " + components);
        }
    }

    @Override
    protected Step main() {
        if (!wired) {
            wired = true;
            wire();
        }
        return childrenDone() ? Step.DONE : Step.PAUSE;
    }

    private void wire() {
        addChildren(components.toArray(Component[]::new));
        for (int i = 0; i + 1 < components.size(); i++) {
            Component source = components.get(i);
            Component dest = components.get(i + 1);
            link(source, OUTBOX, dest, INBOX);
            link(source, SIGNAL, dest, CONTROL);
        }
        Component first = components.get(0);
        Component last = components.get(components.size() - 1);
        link(this, INBOX, first, INBOX, Passthrough.INBOUND);
        link(this, CONTROL, first, CONTROL, Passthrough.INBOUND);
        link(last, OUTBOX, this, OUTBOX, Passthrough.OUTBOUND);
        link(last, SIGNAL, this, SIGNAL, Passthrough.OUTBOUND);
        for (Component child : components) {
            child.activate(scheduler());
        }
    }
}
