package org.kamaelia4j.components.chassis;

import java.util.function.Function;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Runs one child at a time, each made by a factory from a message on {@code next} (Kamaelia's
 * {@code Chassis.Carousel}): like a slide carousel, the next slide goes in once the last is out.
 *
 * <pre>{@code
 * // Reads the files named on "next" one after another, sending their contents out of "outbox".
 * Carousel reader = new Carousel(filename -> new ReadFileAdaptor((String) filename), true);
 * Graphline.builder()
 *     .component("names", new DataSource("a.txt", "b.txt"))
 *     .component("reader", reader)
 *     ...
 *     .link("names", OUTBOX, "reader", Carousel.NEXT)
 *     .build();
 * }</pre>
 *
 * <h2>Behaviour (that of Axon's Carousel and its test suite)</h2>
 * <ul>
 * <li>A message on {@code next} runs the factory with it; the child it returns is activated,
 *     the Carousel's {@code inbox} passes through to the child's {@code inbox} and the child's
 *     {@code outbox} passes out through the Carousel's {@code outbox}. The child's {@code signal}
 *     leads nowhere.</li>
 * <li>A {@code next} message that arrives while a child runs asks that child to stop (a
 *     {@code ShutdownMicroprocess} on its {@code control}); the new child is made once the old
 *     one has finished.</li>
 * <li>When a child finishes and no {@code next} message waits (and no shutdown was asked for),
 *     the Carousel sends {@code "NEXT"} on {@code requestNext}; with {@code make1stRequest} it
 *     also sends one when it starts.</li>
 * <li>{@code ProducerFinished} or {@code ShutdownMicroprocess} on {@code control} is passed to the
 *     running child's {@code control}; the Carousel finishes (sending it on {@code signal}) only
 *     once that child has. After {@code ProducerFinished} the {@code next} messages already
 *     waiting are still served, a child each; after {@code ShutdownMicroprocess} they are
 *     dropped.</li>
 * </ul>
 * Messages that arrive on {@code inbox} while no child runs wait and move on to the next child.
 */
public final class Carousel extends Component {

    /** The inbox whose messages are turned into children. */
    public static final String NEXT = "next";
    /** The outbox on which the Carousel asks for the next child's message. */
    public static final String REQUEST_NEXT = "requestNext";
    /** What the Carousel sends on {@link #REQUEST_NEXT}. */
    public static final String NEXT_REQUEST = "NEXT";

    private static final String CHILD_CONTROL = "_signal";

    private final Function<Object, ? extends Component> factory;
    private final boolean make1stRequest;
    private boolean started;
    private Component child;
    private boolean stoppingChild;
    private ProducerFinished pleaseStop;
    private ShutdownMicroprocess mustStop;

    /** A carousel that waits for the first message on {@code next}. */
    public Carousel(Function<Object, ? extends Component> factory) {
        this(factory, false);
    }

    /**
     * A carousel making children with {@code factory}.
     *
     * @param make1stRequest when true, it sends {@code "NEXT"} on {@code requestNext} as it starts
     */
    public Carousel(Function<Object, ? extends Component> factory, boolean make1stRequest) {
        super(Boxes.builder()
                .inbox(INBOX, "messages for the current child's inbox")
                .inbox(NEXT, "each message makes a child (via the factory) once the current one finished")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess: passed to the child, then finish")
                .outbox(OUTBOX, "what the current child sends on its outbox")
                .outbox(SIGNAL, "the shutdown message, once the Carousel finished")
                .outbox(CHILD_CONTROL, "shutdown messages for the current child's control")
                .outbox(REQUEST_NEXT, "\"NEXT\" when a child finished and no next message is waiting")
                .build());
        if (factory == null) {
            throw new NullPointerException("Carousel needs a component factory");
        }
        this.factory = factory;
        this.make1stRequest = make1stRequest;
    }

    @Override
    protected Step main() {
        if (!started) {
            started = true;
            if (make1stRequest) {
                send(NEXT_REQUEST, REQUEST_NEXT);
            }
        }
        readControl();
        if (child != null && child.isStopped()) {
            removeChild(child);     // removes the linkages to it
            child = null;
            stoppingChild = false;
            if (!dataReady(NEXT) && pleaseStop == null && mustStop == null) {
                send(NEXT_REQUEST, REQUEST_NEXT);
            }
        }
        return child == null ? withoutChild() : withChild();
    }

    private Step withoutChild() {
        if (mustStop != null) {
            send(mustStop, SIGNAL);
            return Step.DONE;
        }
        if (dataReady(NEXT)) {
            startChild(recv(NEXT));
            return Step.CONTINUE;   // another next message may already be waiting
        }
        if (pleaseStop != null) {
            send(pleaseStop, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    private Step withChild() {
        if (!stoppingChild) {
            if (mustStop != null) {
                stopChild(mustStop);
            } else if (dataReady(NEXT)) {
                stopChild(new ShutdownMicroprocess());   // the next message is used once it has stopped
            } else if (pleaseStop != null) {
                stopChild(pleaseStop);
            }
        }
        return Step.PAUSE;
    }

    private void readControl() {
        while (dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished done) {
                pleaseStop = done;
            } else if (m instanceof ShutdownMicroprocess stop) {
                mustStop = stop;
            }
        }
    }

    private void startChild(Object request) {
        Component c = factory.apply(request);
        if (c == null) {
            throw new NullPointerException(name() + ": the factory returned null for " + request);
        }
        child = c;
        addChildren(c);
        link(c, OUTBOX, this, OUTBOX, Passthrough.OUTBOUND);
        link(this, CHILD_CONTROL, c, CONTROL);
        link(this, INBOX, c, INBOX, Passthrough.INBOUND);
        c.activate(scheduler());
    }

    private void stopChild(Object message) {
        send(message, CHILD_CONTROL);
        stoppingChild = true;
    }
}
