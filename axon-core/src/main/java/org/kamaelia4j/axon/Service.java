package org.kamaelia4j.axon;

/**
 * A named service: the component that provides it and the inbox requests go to, as registered
 * with {@link CoordinatingAssistantTracker#registerService}.
 *
 * <pre>{@code
 * Service backplane = scheduler().tracker().retrieveService("Backplane_chat");
 * link(this, OUTBOX, backplane.component(), backplane.inbox());
 * }</pre>
 *
 * @param component the component providing the service
 * @param inbox     the inbox of {@code component} that takes requests
 */
public record Service(Component component, String inbox) {
}
