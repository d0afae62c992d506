package org.kamaelia4j.axon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires named components in any shape and runs them as one component (Kamaelia's
 * {@code Graphline}).
 *
 * <pre>{@code
 * Graphline g = Graphline.builder()
 *         .component("source", new NumberSource(1, 5))
 *         .component("split", new Fanout(2))
 *         .component("left", new Collector())
 *         .component("right", new Collector())
 *         .link("source", "outbox", "split", "inbox")
 *         .link("split", "out0", "left", "inbox")
 *         .link("split", "out1", "right", "inbox")
 *         .link("self", "inbox", "split", "inbox")        // the Graphline's own inbox
 *         .link("left", "outbox", "self", "outbox")       // out through the Graphline's outbox
 *         .build();
 * }</pre>
 *
 * <p>The name {@code "self"} stands for the Graphline's own boxes: a link from a {@code self}
 * inbox passes messages in to a child, a link to a {@code self} outbox passes a child's messages
 * out. A {@code self} box named in a link that is not among the Graphline's boxes is added, with
 * the description of the child's box at the other end.
 *
 * <h2>Shutdown, as in Axon</h2>
 * Unless a link takes the Graphline's {@code control} inbox, a message arriving there is
 * forwarded to the {@code control} inbox of every child whose {@code control} is not the
 * destination of a link. The Graphline finishes when every child has finished; unless a link
 * feeds its {@code signal} outbox, it then sends the {@code ShutdownMicroprocess} it was given,
 * or else a {@code ProducerFinished}, on {@code signal}.
 */
public final class Graphline extends Component {

    private static final Logger LOG = LoggerFactory.getLogger(Graphline.class);

    /** The name that stands for the Graphline's own boxes in links. */
    public static final String SELF = "self";

    private final Map<String, Component> components;
    private final List<LinkSpec> links;
    private final boolean controlPassesThrough;
    private final boolean signalPassesThrough;
    private final List<Component> toldOfControl;
    private boolean wired;
    private ShutdownMicroprocess shutdownMessage;

    private Graphline(Boxes boxes, Map<String, Component> components, List<LinkSpec> links) {
        super(boxes);
        this.components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        this.links = List.copyOf(links);
        this.controlPassesThrough = links.stream().anyMatch(l -> l.from.equals(SELF) && l.fromBox.equals(CONTROL));
        this.signalPassesThrough = links.stream().anyMatch(l -> l.to.equals(SELF) && l.toBox.equals(SIGNAL));
        Set<String> controlLinked = new LinkedHashSet<>();
        links.stream().filter(l -> l.toBox.equals(CONTROL) && !l.to.equals(SELF)).forEach(l -> controlLinked.add(l.to));
        List<Component> told = new ArrayList<>();
        components.forEach((name, c) -> {
            if (!controlLinked.contains(name)) {
                told.add(c);
            }
        });
        this.toldOfControl = List.copyOf(told);
    }

    /** A builder for a Graphline. */
    public static Builder builder() {
        return new Builder();
    }

    /** The named children. */
    public Map<String, Component> components() {
        return components;
    }

    @Override
    protected Step main() {
        if (!wired) {
            wired = true;
            wire();
        }
        if (!controlPassesThrough) {
            while (dataReady(CONTROL)) {
                forwardControl(recv(CONTROL));
            }
        }
        if (childrenDone()) {
            if (!signalPassesThrough) {
                send(shutdownMessage != null ? shutdownMessage : new ProducerFinished(this, null), SIGNAL);
            }
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    private void wire() {
        for (LinkSpec l : links) {
            Component from = l.from.equals(SELF) ? this : components.get(l.from);
            Component to = l.to.equals(SELF) ? this : components.get(l.to);
            Passthrough kind = from == this ? Passthrough.INBOUND : to == this ? Passthrough.OUTBOUND
                    : Passthrough.NONE;
            link(from, l.fromBox, to, l.toBox, kind);
        }
        addChildren(components.values().toArray(Component[]::new));
        for (Component child : components.values()) {
            child.activate(scheduler());
        }
    }

    private void forwardControl(Object message) {
        for (Component child : toldOfControl) {
            if (!child.isStopped()) {
                try {
                    deliverVia(child.inboxBox(CONTROL), message);
                } catch (BoxFullException full) {
                    LOG.warn("{} could not pass {} to {}: {}", name(), message, child.name(), full.getMessage());
                }
            }
        }
        if (message instanceof ShutdownMicroprocess shutdown) {
            shutdownMessage = shutdown;
        }
    }

    private record LinkSpec(String from, String fromBox, String to, String toBox) {
    }

    /**
     * Collects named components and links, then checks them all at {@link #build()}: every name
     * must be a component or {@code self}, every box must exist, no source box may be linked twice.
     */
    public static final class Builder {

        private final Map<String, Component> components = new LinkedHashMap<>();
        private final List<LinkSpec> links = new ArrayList<>();
        private Boxes boxes = Boxes.standard();

        private Builder() {
        }

        /** Adds a named child; the name {@code self} is reserved. */
        public Builder component(String name, Component component) {
            if (name == null || name.isBlank() || name.equals(SELF)) {
                throw new IllegalArgumentException("a Graphline component needs a name other than '" + SELF
                        + "', got " + (name == null ? "null" : "'" + name + "'"));
            }
            if (component == null) {
                throw new NullPointerException("Graphline component '" + name + "' is null");
            }
            if (components.containsKey(name)) {
                throw new IllegalArgumentException("Graphline has a component named '" + name + "' already");
            }
            if (components.containsValue(component)) {
                throw new IllegalArgumentException(component.name() + " is in this Graphline already");
            }
            components.put(name, component);
            return this;
        }

        /** Links box {@code fromBox} of {@code fromName} to box {@code toBox} of {@code toName}. */
        public Builder link(String fromName, String fromBox, String toName, String toBox) {
            links.add(new LinkSpec(fromName, fromBox, toName, toBox));
            return this;
        }

        /** The Graphline's own boxes (standard by default); {@code self} boxes named in links are added. */
        public Builder boxes(Boxes boxes) {
            this.boxes = boxes;
            return this;
        }

        /**
         * The Graphline.
         *
         * @throws IllegalArgumentException   when a link names an unknown component
         * @throws UnknownBoxException        when a link names a box its component lacks
         * @throws BoxAlreadyLinkedException  when two links leave the same box
         */
        public Graphline build() {
            Boxes.Builder own = boxes.toBuilder();
            Set<String> sources = new LinkedHashSet<>();
            for (LinkSpec l : links) {
                Component from = known(l.from, l);
                Component to = known(l.to, l);
                if (!sources.add(l.from + "." + l.fromBox)) {
                    throw new BoxAlreadyLinkedException("Graphline links '" + l.from + "." + l.fromBox
                            + "' twice; a box can be the source of one link only");
                }
                if (from == null && to == null) {
                    throw new IllegalArgumentException("Graphline link " + describe(l)
                            + " joins two of its own boxes; link through a component");
                }
                if (from != null) {
                    from.outboxBox(l.fromBox);
                }
                if (to != null) {
                    to.inboxBox(l.toBox);
                }
                if (from == null && !boxes.inboxes().containsKey(l.fromBox)) {
                    own.inbox(l.fromBox, to.describe(l.toBox));
                }
                if (to == null && !boxes.outboxes().containsKey(l.toBox)) {
                    own.outbox(l.toBox, from.describe(l.fromBox));
                }
            }
            return new Graphline(own.build(), components, links);
        }

        /** The component called {@code name}; null for {@code self}. */
        private Component known(String name, LinkSpec l) {
            if (SELF.equals(name)) {
                return null;
            }
            Component c = components.get(name);
            if (c == null) {
                throw new IllegalArgumentException("Graphline link " + describe(l) + " names unknown component '"
                        + name + "'; known components are " + components.keySet() + " and '" + SELF + "'");
            }
            return c;
        }

        private static String describe(LinkSpec l) {
            return "(" + l.from + ", " + l.fromBox + ") -> (" + l.to + ", " + l.toBox + ")";
        }
    }
}
