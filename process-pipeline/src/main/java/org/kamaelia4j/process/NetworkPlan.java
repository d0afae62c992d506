package org.kamaelia4j.process;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kamaelia4j.axon.BoxAlreadyLinkedException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;

/**
 * A checked description of a process network: its stages, its links (numbered, the implicit
 * {@code control} links included) and the network component's own boxes. Built once by
 * {@link ProcessPipeline} or {@link ProcessGraphline} with Graphline's linkage rules.
 *
 * <p>Each stage's factory is called once here to learn the component's boxes, and each stage is
 * serialized once to check that it can be shipped.
 */
record NetworkPlan(Boxes boxes, Map<String, Stage> stages, List<LinkSpec> links, LinkOptions options,
        boolean signalFromStage) {

    /** A link as the user declared it, before numbering. */
    record Declared(String from, String fromBox, String to, String toBox) {
        @Override
        public String toString() {
            return "(" + from + ", " + fromBox + ") -> (" + to + ", " + toBox + ")";
        }
    }

    /**
     * Checks the stages and links and adds the implicit ones, as Graphline does: unless a link
     * takes the network's {@code control} inbox, it feeds the {@code control} of every stage whose
     * {@code control} no link feeds.
     */
    static NetworkPlan of(Boxes declared, Map<String, Stage> stages, List<Declared> declaredLinks,
            LinkOptions options) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a process network needs at least one stage");
        }
        Map<String, Component> probes = new LinkedHashMap<>();
        stages.forEach((name, stage) -> probes.put(name, probe(name, stage)));
        Boxes.Builder own = declared.toBuilder();
        Set<String> sources = new LinkedHashSet<>();
        List<Declared> all = new ArrayList<>(declaredLinks);
        for (Declared l : declaredLinks) {
            Component from = known(l.from(), l, probes);
            Component to = known(l.to(), l, probes);
            if (!sources.add(l.from() + "." + l.fromBox())) {
                throw new BoxAlreadyLinkedException("link " + l + " leaves '" + l.from() + "." + l.fromBox()
                        + "', which is linked already; a box can be the source of one link only");
            }
            if (from == null && to == null) {
                throw new IllegalArgumentException("link " + l + " joins two of the network's own boxes; link"
                        + " through a stage");
            }
            if (from != null) {
                from.describe(l.fromBox());
                if (!from.outboxNames().contains(l.fromBox())) {
                    throw new IllegalArgumentException("link " + l + ": '" + l.fromBox() + "' is an inbox of stage '"
                            + l.from() + "'; its outboxes are " + from.outboxNames());
                }
            }
            if (to != null) {
                to.describe(l.toBox());
                if (!to.inboxNames().contains(l.toBox())) {
                    throw new IllegalArgumentException("link " + l + ": '" + l.toBox() + "' is an outbox of stage '"
                            + l.to() + "'; its inboxes are " + to.inboxNames());
                }
            }
            if (from == null && !declared.inboxes().containsKey(l.fromBox())) {
                own.inbox(l.fromBox(), to.describe(l.toBox()));
            }
            if (to == null && !declared.outboxes().containsKey(l.toBox())) {
                own.outbox(l.toBox(), from.describe(l.fromBox()));
            }
        }
        boolean controlTaken = sources.contains(LinkSpec.SELF + "." + Component.CONTROL);
        if (!controlTaken) {
            Set<String> controlFed = new LinkedHashSet<>();
            declaredLinks.stream().filter(l -> l.toBox().equals(Component.CONTROL))
                    .forEach(l -> controlFed.add(l.to()));
            probes.forEach((name, probe) -> {
                if (!controlFed.contains(name) && probe.inboxNames().contains(Component.CONTROL)) {
                    all.add(new Declared(LinkSpec.SELF, Component.CONTROL, name, Component.CONTROL));
                }
            });
        }
        List<LinkSpec> links = new ArrayList<>();
        for (Declared l : all) {
            links.add(new LinkSpec(links.size(), l.from(), l.fromBox(), l.to(), l.toBox()));
        }
        boolean signalFromStage = declaredLinks.stream()
                .anyMatch(l -> l.to().equals(LinkSpec.SELF) && l.toBox().equals(Component.SIGNAL));
        return new NetworkPlan(own.build(), Collections.unmodifiableMap(new LinkedHashMap<>(stages)),
                List.copyOf(links), options, signalFromStage);
    }

    private static Component probe(String name, Stage stage) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(stage);
        } catch (IOException e) {
            throw new IllegalArgumentException("stage '" + name + "' cannot be shipped to its JVM: " + e
                    + "; its factory must be a serializable lambda or class, and so must all it captures", e);
        }
        return stage.newComponent();
    }

    private static Component known(String name, Declared l, Map<String, Component> probes) {
        if (LinkSpec.SELF.equals(name)) {
            return null;
        }
        Component c = probes.get(name);
        if (c == null) {
            throw new IllegalArgumentException("link " + l + " names unknown stage '" + name + "'; known stages are "
                    + probes.keySet() + " and '" + LinkSpec.SELF + "'");
        }
        return c;
    }

    /** The links that end at stage {@code name}, in link order. */
    List<LinkSpec> inputsOf(String name) {
        return links.stream().filter(l -> l.to().equals(name)).toList();
    }

    /** The links that start at stage {@code name}, in link order. */
    List<LinkSpec> outputsOf(String name) {
        return links.stream().filter(l -> l.from().equals(name)).toList();
    }
}
