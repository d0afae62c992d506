package org.kamaelia4j.axon;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A component that adds and removes boxes while it runs, and remembers which resource each
 * box serves (Axon's {@code AdaptiveCommsComponent}).
 *
 * <p>Typical use: a server that makes a child per connection and gives each child its own inbox
 * and outbox on the server, then forgets them when the child finishes.
 *
 * <pre>{@code
 * String in = addInbox("fromHandler");           // may come back as "fromHandler17"
 * String out = addOutbox("toHandler");
 * link(this, out, handler, INBOX);
 * link(handler, OUTBOX, this, in);
 * trackResourceInformation(handler, List.of(in), List.of(out), connection);
 * ...
 * TrackedResource r = retrieveTrackedResourceInformation(handler);
 * r.inboxes().forEach(this::deleteInbox);
 * r.outboxes().forEach(this::deleteOutbox);
 * ceaseTrackingResource(handler);
 * }</pre>
 *
 * <p>A name that is taken gets a unique number appended until it is free, so always use the name
 * returned. Deleting a box removes every linkage into or out of it, whoever made it; messages
 * still in a deleted inbox are discarded, as in Axon. Box changes belong to the component's own
 * slices; the tracking maps may be read from any thread.
 */
public abstract class AdaptiveCommsComponent extends Component {

    private static final AtomicLong SUFFIXES = new AtomicLong();

    private final Map<String, Object> resourceByInbox = new ConcurrentHashMap<>();
    private final Map<Object, TrackedResource> informationByResource = new ConcurrentHashMap<>();

    /** What {@link #trackResourceInformation} recorded for a resource. */
    public record TrackedResource(List<String> inboxes, List<String> outboxes, Object information) {

        /** Copies the box lists. */
        public TrackedResource {
            inboxes = List.copyOf(inboxes);
            outboxes = List.copyOf(outboxes);
        }
    }

    /** An adaptive component with the standard boxes. */
    protected AdaptiveCommsComponent() {
        super();
    }

    /** An adaptive component starting with the declared boxes. */
    protected AdaptiveCommsComponent(Boxes boxes) {
        super(boxes);
    }

    /** Adds an inbox named {@code name}, or a numbered variant if taken; returns the name given. */
    public String addInbox(String name) {
        return addInbox(name, "added at run time");
    }

    /** Adds a described inbox named {@code name}, or a numbered variant if taken; returns the name given. */
    public String addInbox(String name, String description) {
        synchronized (this) {
            String actual = freeName(name, inboxNames());
            addBox(actual, description, true);
            return actual;
        }
    }

    /** Adds an outbox named {@code name}, or a numbered variant if taken; returns the name given. */
    public String addOutbox(String name) {
        return addOutbox(name, "added at run time");
    }

    /** Adds a described outbox named {@code name}, or a numbered variant if taken; returns the name given. */
    public String addOutbox(String name, String description) {
        synchronized (this) {
            String actual = freeName(name, outboxNames());
            addBox(actual, description, false);
            return actual;
        }
    }

    /** Deletes an inbox; its linkages go and messages still in it are discarded. */
    public void deleteInbox(String name) {
        removeBox(name, true);
        resourceByInbox.remove(name);
    }

    /** Deletes an outbox and its linkages. */
    public void deleteOutbox(String name) {
        removeBox(name, false);
    }

    /** Associates a resource with an inbox (for example the connection a handler's replies come from). */
    public void trackResource(Object resource, String inbox) {
        inboxBox(inbox);
        resourceByInbox.put(inbox, requireResource(resource));
    }

    /** The resource associated with an inbox, or null. */
    public Object retrieveTrackedResource(String inbox) {
        inboxBox(inbox);
        return resourceByInbox.get(inbox);
    }

    /** Records the boxes and any information that belong to a resource. */
    public void trackResourceInformation(Object resource, List<String> inboxes, List<String> outboxes,
            Object information) {
        inboxes.forEach(this::inboxBox);
        outboxes.forEach(this::outboxBox);
        informationByResource.put(requireResource(resource), new TrackedResource(inboxes, outboxes, information));
    }

    /**
     * What was recorded for a resource.
     *
     * @throws NoSuchElementException when nothing is tracked for it
     */
    public TrackedResource retrieveTrackedResourceInformation(Object resource) {
        TrackedResource tracked = informationByResource.get(requireResource(resource));
        if (tracked == null) {
            throw new NoSuchElementException(name() + " tracks no information for resource " + resource);
        }
        return tracked;
    }

    /** Forgets a resource: its information and every inbox association. */
    public void ceaseTrackingResource(Object resource) {
        informationByResource.remove(requireResource(resource));
        resourceByInbox.values().removeIf(r -> r.equals(resource));
    }

    private Object requireResource(Object resource) {
        if (resource == null) {
            throw new NullPointerException(name() + ": a tracked resource must be non-null");
        }
        return resource;
    }

    private static String freeName(String name, Set<String> taken) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a box name must be non-empty");
        }
        String candidate = name;
        while (taken.contains(candidate)) {
            candidate = name + SUFFIXES.incrementAndGet();
        }
        return candidate;
    }
}
