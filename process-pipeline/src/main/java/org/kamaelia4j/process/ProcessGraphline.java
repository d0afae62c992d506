package org.kamaelia4j.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kamaelia4j.axon.Boxes;

/**
 * A Graphline whose components each run in their own JVM: named stages wired in any shape, any
 * declared box included, with Graphline's rules for the {@code "self"} boxes.
 *
 * <pre>{@code
 * ProcessGraphline g = ProcessGraphline.builder()
 *         .stage("split", Stage.of(() -> new EvenOddSplitter()))     // outboxes "even", "odd"
 *         .stage("evens", Stage.of(() -> new Doubler()))
 *         .stage("odds", Stage.of(() -> new Negator()))
 *         .stage("merge", Stage.of(() -> new Merger()))              // fan-in: two links into "inbox"
 *         .link("self", "inbox", "split", "inbox")
 *         .link("split", "even", "evens", "inbox")
 *         .link("split", "odd", "odds", "inbox")
 *         .link("evens", "outbox", "merge", "inbox")
 *         .link("odds", "outbox", "merge", "inbox")
 *         .link("merge", "outbox", "self", "outbox")
 *         .build();
 * }</pre>
 *
 * <p>As in Graphline: a box is the source of at most one link, any number of links may end at one
 * inbox, {@code self} boxes named in links and not declared ({@link Builder#boxes}) are added with
 * the description of the stage's box, and unless a link takes the network's {@code control} inbox,
 * what arrives there goes to the {@code control} of every stage whose {@code control} no link
 * feeds. The network finishes when every stage has finished; unless a link feeds its {@code signal},
 * it then sends the {@code ShutdownMicroprocess} it was given, or a {@code ProducerFinished}. How it
 * runs, fails and what it guarantees is described in {@link ProcessNetwork}.
 */
public final class ProcessGraphline extends ProcessNetwork {

    private ProcessGraphline(NetworkPlan plan) {
        super(plan);
    }

    /** A builder for a ProcessGraphline. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects named stages and links, then checks them all at {@link #build()}. */
    public static final class Builder {

        private final Map<String, Stage> stages = new LinkedHashMap<>();
        private final List<NetworkPlan.Declared> links = new ArrayList<>();
        private Boxes boxes = Boxes.standard();
        private LinkOptions options = LinkOptions.defaults();

        private Builder() {
        }

        /** Adds a stage under {@code name} (which replaces any name the stage had); {@code self} is reserved. */
        public Builder stage(String name, Stage stage) {
            if (LinkSpec.SELF.equals(name)) {
                throw new IllegalArgumentException("'" + LinkSpec.SELF + "' names the ProcessGraphline itself;"
                        + " give the stage another name");
            }
            Objects.requireNonNull(stage, "stage '" + name + "' is null");
            if (stages.containsKey(name)) {
                throw new IllegalArgumentException("the ProcessGraphline has a stage named '" + name + "' already");
            }
            stages.put(name, stage.named(name));
            return this;
        }

        /** Links box {@code fromBox} of {@code fromName} to box {@code toBox} of {@code toName}. */
        public Builder link(String fromName, String fromBox, String toName, String toBox) {
            links.add(new NetworkPlan.Declared(fromName, fromBox, toName, toBox));
            return this;
        }

        /** The network's own boxes (standard by default); {@code self} boxes named in links are added. */
        public Builder boxes(Boxes ownBoxes) {
            this.boxes = Objects.requireNonNull(ownBoxes, "boxes");
            return this;
        }

        /** How the links behave (default {@link LinkOptions#defaults()}). */
        public Builder linkOptions(LinkOptions linkOptions) {
            this.options = Objects.requireNonNull(linkOptions, "linkOptions");
            return this;
        }

        /**
         * The ProcessGraphline.
         *
         * @throws IllegalArgumentException   when a link names an unknown stage or the wrong kind of box,
         *                                    or a stage cannot be serialized
         * @throws org.kamaelia4j.axon.UnknownBoxException       when a link names a box its stage lacks
         * @throws org.kamaelia4j.axon.BoxAlreadyLinkedException when two links leave the same box
         */
        public ProcessGraphline build() {
            return new ProcessGraphline(NetworkPlan.of(boxes, stages, links, options));
        }
    }
}
