package org.kamaelia4j.components.chassis;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.CoordinatingAssistantTracker;
import org.kamaelia4j.axon.Microprocess;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Service;
import org.kamaelia4j.axon.Step;

/**
 * A named publish/subscribe bus (Kamaelia's {@code Util.Backplane}): {@link PublishTo} components
 * publish to it by name, {@link SubscribeTo} components receive everything published after they
 * subscribed, and neither needs a reference to the other or to the backplane.
 *
 * <pre>{@code
 * Scheduler s = Scheduler.create(2);
 * new Backplane("chat").activate(s);
 * new Pipeline(new SubscribeTo("chat"), new ConsoleEchoer()).activate(s);
 * new Pipeline(new DataSource("hello", "world"), new PublishTo("chat")).activate(s);
 * }</pre>
 *
 * <h2>How it works</h2>
 * Inside is a {@link PlugSplitter}. On {@link #activate(Scheduler)} the backplane registers two
 * services with that scheduler's {@link CoordinatingAssistantTracker}, as Axon does:
 * {@link #publishService(String)} names the splitter's {@code inbox} and
 * {@link #subscribeService(String)} its {@code configuration}. A second backplane with the same
 * name on the same scheduler is refused there ({@code ServiceAlreadyExistsException}). Publishers
 * pass their inbox straight through to the splitter, so a published message takes one hop;
 * subscribers add themselves as sinks.
 *
 * <h2>Shutdown</h2>
 * Stopping a publisher or a subscriber never stops the backplane. {@code ProducerFinished} or
 * {@code ShutdownMicroprocess} on the backplane's {@code control} goes to the splitter, which
 * passes it to every subscriber (they pass it on and finish) and finishes; then the backplane
 * sends it on {@code signal}, deregisters both service names and finishes. The names are
 * deregistered whenever it finishes, also when it fails or is stopped, so a new backplane may
 * take the name.
 */
public final class Backplane extends Component {

    private final String backplaneName;
    private final PlugSplitter splitter = new PlugSplitter();
    private volatile CoordinatingAssistantTracker registeredWith;
    private boolean started;

    /** A backplane called {@code name}; publishers and subscribers find it by that name. */
    public Backplane(String name) {
        super(Boxes.builder()
                .inbox(INBOX, "messages to publish, as if from a PublishTo")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess: shut down the backplane and its subscribers")
                .outbox(OUTBOX, "not used")
                .outbox(SIGNAL, "the shutdown message, once the backplane finished")
                .build());
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a Backplane needs a non-empty name");
        }
        this.backplaneName = name;
    }

    /** The service name publishers look up: {@code "Backplane_I_" + name}, as in Axon. */
    public static String publishService(String name) {
        return "Backplane_I_" + name;
    }

    /** The service name subscribers look up: {@code "Backplane_O_" + name}, as in Axon. */
    public static String subscribeService(String name) {
        return "Backplane_O_" + name;
    }

    /** The name publishers and subscribers use. */
    public String backplaneName() {
        return backplaneName;
    }

    /** How many subscribers the backplane sends to now; for monitoring, from any thread. */
    public int subscriberCount() {
        return splitter.sinkCount();
    }

    /**
     * Registers the backplane's services with {@code s}'s tracker, then activates it on {@code s}.
     *
     * @throws org.kamaelia4j.axon.ServiceAlreadyExistsException when a backplane of this name is
     *         registered on {@code s} already
     */
    @Override
    public Microprocess activate(Scheduler s) {
        if (s == null || scheduler() != null) {
            return super.activate(s);   // throws the usual exception
        }
        CoordinatingAssistantTracker cat = s.tracker();
        cat.registerService(publishService(backplaneName), splitter, INBOX);
        try {
            cat.registerService(subscribeService(backplaneName), splitter, PlugSplitter.CONFIGURATION);
        } catch (RuntimeException e) {
            cat.deRegisterService(publishService(backplaneName));
            throw e;
        }
        registeredWith = cat;
        return super.activate(s);
    }

    @Override
    protected Step main() {
        if (!started) {
            started = true;
            addChildren(splitter);
            link(this, INBOX, splitter, INBOX, Passthrough.INBOUND);
            link(this, CONTROL, splitter, CONTROL, Passthrough.INBOUND);
            link(splitter, SIGNAL, this, SIGNAL, Passthrough.OUTBOUND);
            splitter.activate(scheduler());
        }
        return childrenDone() ? Step.DONE : Step.PAUSE;
    }

    @Override
    protected void closeDownComponent() {
        splitter.stop();
        CoordinatingAssistantTracker cat = registeredWith;
        registeredWith = null;
        if (cat != null) {
            deregister(cat, publishService(backplaneName));
            deregister(cat, subscribeService(backplaneName));
        }
    }

    private void deregister(CoordinatingAssistantTracker cat, String service) {
        if (cat.servicesRegistered().contains(service) && cat.retrieveService(service).component() == splitter) {
            cat.deRegisterService(service);
        }
    }

    /** The splitter's service, as a publisher or subscriber finds it; a clear error when there is none. */
    static Service lookUp(Component who, String service, String backplane) {
        CoordinatingAssistantTracker cat = who.scheduler().tracker();
        if (!cat.servicesRegistered().contains(service)) {
            throw new IllegalStateException(who.name() + ": no Backplane named '" + backplane
                    + "' is running on its scheduler; registered services: " + cat.servicesRegistered());
        }
        return cat.retrieveService(service);
    }
}
