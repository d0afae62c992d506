package org.kamaelia4j.axon;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A directory of services and tracked values shared by the components of one scheduler (Axon's
 * {@code coordinatingassistanttracker}, the "CAT").
 *
 * <p>Services let components find each other by name instead of by reference: a backplane
 * registers itself, publishers and subscribers look it up and link to its inbox. Tracked values
 * are named statistics or settings that any component may read.
 *
 * <pre>{@code
 * CoordinatingAssistantTracker cat = scheduler().tracker();
 * cat.registerService("wordcount", counter, INBOX);
 * Service s = cat.retrieveService("wordcount");
 * cat.trackValue("connections", 0);
 * cat.updateValue("connections", 1);
 * }</pre>
 *
 * <p>Each {@link Scheduler} has one ({@link Scheduler#tracker()}); there is no global tracker.
 * All methods are thread-safe; registering a name is atomic.
 */
public final class CoordinatingAssistantTracker {

    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final Map<String, Object> values = new ConcurrentHashMap<>();

    CoordinatingAssistantTracker() {
    }

    /**
     * Registers {@code component}'s {@code inbox} as the service {@code name}.
     *
     * @throws BadComponentException         when {@code component} is null
     * @throws BadInboxException             when the component has no such inbox
     * @throws ServiceAlreadyExistsException when the name is taken
     */
    public void registerService(String name, Component component, String inbox) {
        requireName(name);
        if (component == null) {
            throw new BadComponentException("service '" + name + "' needs a component, got null");
        }
        if (inbox == null || !component.inboxNames().contains(inbox)) {
            throw new BadInboxException("service '" + name + "': " + component.name() + " has no inbox '" + inbox
                    + "'; its inboxes are " + component.inboxNames());
        }
        Service previous = services.putIfAbsent(name, new Service(component, inbox));
        if (previous != null) {
            throw new ServiceAlreadyExistsException("service '" + name + "' is registered already, to "
                    + previous.component().name() + "." + previous.inbox());
        }
    }

    /**
     * The service registered as {@code name}.
     *
     * @throws NoSuchElementException when there is none (the message lists what is registered)
     */
    public Service retrieveService(String name) {
        Service service = services.get(requireName(name));
        if (service == null) {
            throw new NoSuchElementException("no service '" + name + "'; registered: " + services.keySet());
        }
        return service;
    }

    /**
     * Removes the service {@code name}.
     *
     * @throws MultipleServiceDeletionException when it is not registered
     */
    public void deRegisterService(String name) {
        if (services.remove(requireName(name)) == null) {
            throw new MultipleServiceDeletionException("service '" + name
                    + "' is not registered (deleted twice?); registered: " + services.keySet());
        }
    }

    /** The names of the registered services. */
    public Set<String> servicesRegistered() {
        return Set.copyOf(services.keySet());
    }

    /**
     * Declares a tracked value.
     *
     * @throws NamespaceClashException when {@code key} is tracked already
     */
    public void trackValue(String key, Object value) {
        if (values.putIfAbsent(requireName(key), requireValue(key, value)) != null) {
            throw new NamespaceClashException("value '" + key + "' is tracked already");
        }
    }

    /**
     * Changes a tracked value.
     *
     * @throws AccessToUndeclaredTrackedVariableException when {@code key} was never declared
     */
    public void updateValue(String key, Object value) {
        if (values.replace(requireName(key), requireValue(key, value)) == null) {
            throw new AccessToUndeclaredTrackedVariableException("value '" + key
                    + "' is not tracked; declare it with trackValue first (tracked: " + values.keySet() + ")");
        }
    }

    /**
     * A tracked value.
     *
     * @throws NoSuchElementException when {@code key} is not tracked
     */
    public Object retrieveValue(String key) {
        Object value = values.get(requireName(key));
        if (value == null) {
            throw new NoSuchElementException("value '" + key + "' is not tracked; tracked: " + values.keySet());
        }
        return value;
    }

    private static String requireName(String name) {
        if (name == null) {
            throw new NullPointerException("a service or value name must be non-null");
        }
        return name;
    }

    private static Object requireValue(String key, Object value) {
        if (value == null) {
            throw new NullPointerException("tracked value '" + key + "' must be non-null");
        }
        return value;
    }
}
