package org.kamaelia4j.axon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The inboxes and outboxes a component declares, each with a one-line description: Axon's
 * {@code Inboxes} and {@code Outboxes} class dictionaries.
 *
 * <pre>{@code
 * final class Doubler extends Component {
 *     Doubler() {
 *         super(Boxes.builder()
 *                 .inbox(INBOX, "numbers to double")
 *                 .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to stop")
 *                 .outbox(OUTBOX, "the doubled numbers")
 *                 .outbox(SIGNAL, "forwards the shutdown message when finished")
 *                 .build());
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #standard()} gives Axon's four default boxes; {@link #toBuilder()} extends any set.
 * Instances are immutable and shared freely between components. A declared box costs a component
 * nothing until it is used (sent to, received from, linked or sized): components declared from one
 * instance share its table of declarations until then, so keeping a declaration in a
 * {@code static final} field makes an idle component cost only its own object.
 */
public final class Boxes {

    private static final Boxes STANDARD = builder()
            .inbox(Component.INBOX, "messages for this component")
            .inbox(Component.CONTROL, "ProducerFinished or ShutdownMicroprocess to shut this component down")
            .outbox(Component.OUTBOX, "messages from this component")
            .outbox(Component.SIGNAL, "ProducerFinished, ShutdownMicroprocess or ErrorInformation when it finishes")
            .build();

    private final Map<String, String> inboxes;
    private final Map<String, String> outboxes;
    /**
     * The box table every component made from this declaration starts with: declarations only,
     * inboxes first, shared until a component puts one of its boxes in use.
     */
    final BoxEntry[] unused;

    private Boxes(Map<String, String> inboxes, Map<String, String> outboxes) {
        this.inboxes = Collections.unmodifiableMap(new LinkedHashMap<>(inboxes));
        this.outboxes = Collections.unmodifiableMap(new LinkedHashMap<>(outboxes));
        this.unused = Stream.concat(
                this.inboxes.entrySet().stream().map(e -> new BoxDeclaration(e.getKey(), e.getValue(), true)),
                this.outboxes.entrySet().stream().map(e -> new BoxDeclaration(e.getKey(), e.getValue(), false)))
                .toArray(BoxEntry[]::new);
    }

    /** Axon's defaults: inboxes {@code inbox}, {@code control}; outboxes {@code outbox}, {@code signal}. */
    public static Boxes standard() {
        return STANDARD;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder(Map.of(), Map.of());
    }

    /** A builder holding these boxes, to add more. */
    public Builder toBuilder() {
        return new Builder(inboxes, outboxes);
    }

    /** Inbox names to descriptions, in declaration order. */
    public Map<String, String> inboxes() {
        return inboxes;
    }

    /** Outbox names to descriptions, in declaration order. */
    public Map<String, String> outboxes() {
        return outboxes;
    }

    @Override
    public String toString() {
        return "Boxes[inboxes=" + inboxes.keySet() + ", outboxes=" + outboxes.keySet() + "]";
    }

    /** Collects box declarations; a name declared twice keeps its last description. */
    public static final class Builder {

        private final Map<String, String> inboxes;
        private final Map<String, String> outboxes;

        private Builder(Map<String, String> inboxes, Map<String, String> outboxes) {
            this.inboxes = new LinkedHashMap<>(inboxes);
            this.outboxes = new LinkedHashMap<>(outboxes);
        }

        /** Declares an inbox with a one-line description. */
        public Builder inbox(String name, String description) {
            inboxes.put(checkName(name), Objects.requireNonNull(description, "description"));
            return this;
        }

        /** Declares an outbox with a one-line description. */
        public Builder outbox(String name, String description) {
            outboxes.put(checkName(name), Objects.requireNonNull(description, "description"));
            return this;
        }

        /** The declared boxes. */
        public Boxes build() {
            return new Boxes(inboxes, outboxes);
        }

        private static String checkName(String name) {
            if (name == null || name.isBlank()) {
                String shown = name == null ? "null" : "'" + name + "'";
                throw new IllegalArgumentException("a box name must be non-empty, got " + shown);
            }
            return name;
        }
    }
}
