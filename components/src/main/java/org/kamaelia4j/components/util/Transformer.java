package org.kamaelia4j.components.util;

import java.util.ArrayDeque;
import java.util.Deque;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.UnknownBoxException;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * The shared body of the library's components: take messages from {@code inbox}, hand each to
 * {@link #process}, deliver what it {@link #emit}s, and follow Axon's shutdown convention, with
 * back-pressure handled in one place. The components of {@code util} and {@code file}, the stream
 * components of {@code protocol} (framing, chunking, packetising, echo), its HTTP client and the
 * UDP components of {@code net} are all built on it.
 *
 * <pre>{@code
 * final class Upper extends Transformer {
 *     Upper() { super(Transformer.boxes("strings", "the strings in upper case")); }
 *     protected void process(Object msg) { emit(((String) msg).toUpperCase()); }
 * }
 * new Pipeline(new DataSource("a", "b"), new Upper(), new ConsoleEchoer()).run();
 * }</pre>
 *
 * <h2>Back-pressure</h2>
 * {@link #emit(Object, String)} delivers at once when it can. When a destination inbox is full
 * ({@code BoxFullException}) the message is held, and so is everything emitted after it, in
 * order, on any outbox; while something is held the component reads no input and pauses, and the
 * {@code recv} that frees space downstream wakes it to retry. Nothing is dropped.
 *
 * <h2>Shutdown</h2>
 * {@code ProducerFinished} (or an {@code ErrorInformation}, meaning the producer failed) on
 * {@code control} finishes the component after the messages that arrived before it have been
 * processed; {@code ShutdownMicroprocess} finishes it after the current message, leaving the rest
 * of {@code inbox} unread. Either way {@link #readyToFinish} is asked, {@link #finishing} may emit
 * last words (a collated list, a final chunk) and says what goes on {@code signal}, and the
 * component finishes once all that is delivered. Other messages on {@code control} are passed on
 * through {@code signal}. A source ends itself with {@link #finishWith}; a component that hits an
 * error it handled (a file that cannot be read, a malformed byte stream) ends at once with
 * {@link #finishNow}, typically with an {@code ErrorInformation} naming what went wrong.
 *
 * <h2>Faults travel down a pipeline</h2>
 * Called from {@link #process}, {@link #finishNow} keeps what was emitted so far, in that call
 * too: it is delivered first, then the signal message. The next stage of a {@code Pipeline}
 * receives that {@code ErrorInformation} on {@code control} after those messages, processes them,
 * and passes the very same {@code ErrorInformation} on through {@code signal}, unless its
 * {@link #finishing} says otherwise. So a chain of transformers reports a fault at its end, after
 * every good message that came before the fault:
 * <pre>{@code
 * protected void process(Object msg) {
 *     if (!(msg instanceof String s)) {
 *         finishNow(new ErrorInformation(this, null, name() + ": not a string: " + msg));
 *         return;
 *     }
 *     emit(s.trim());
 * }
 * }</pre>
 *
 * <h2>Hooks</h2>
 * {@link #poll()} runs once per slice before {@code inbox} is read, for sources, timers and extra
 * inboxes; {@link #canProcess()} lets a subclass stop reading {@code inbox} for a while (it must
 * then arrange to be woken, e.g. with {@code unpause()} from a timer or thread). A source that
 * emits several messages per slice checks {@link #holding()} and stops when something is held.
 * The constructor checks that {@code inbox}, {@code control}, {@code outbox} and {@code signal}
 * exist.
 *
 * <p>Everything here runs in the component's own slices; subclasses need no locking unless they
 * share state with other threads.
 */
public abstract class Transformer extends Component {

    private final Deque<Held> held = new ArrayDeque<>();
    private Object shutdown;
    private int owed;
    private boolean closing;

    /** A transformer with the declared boxes, which must include Axon's four standard ones. */
    protected Transformer(Boxes boxes) {
        super(boxes);
        for (String box : new String[] {INBOX, CONTROL}) {
            if (!inboxNames().contains(box)) {
                throw new IllegalArgumentException(name() + " needs an inbox '" + box + "'; it declares "
                        + inboxNames());
            }
        }
        for (String box : new String[] {OUTBOX, SIGNAL}) {
            if (!outboxNames().contains(box)) {
                throw new IllegalArgumentException(name() + " needs an outbox '" + box + "'; it declares "
                        + outboxNames());
            }
        }
    }

    /** Axon's four standard boxes with descriptions of what goes in {@code inbox} and out of {@code outbox}. */
    public static Boxes boxes(String inboxDescription, String outboxDescription) {
        return Boxes.builder()
                .inbox(INBOX, inboxDescription)
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, outboxDescription)
                .outbox(SIGNAL, "the shutdown message, passed on, or ErrorInformation")
                .build();
    }

    /** Handles one message taken from {@code inbox}. */
    protected void process(Object msg) throws Exception {
    }

    /** Called once per slice, before {@code inbox} is read; true asks for another slice soon. */
    protected boolean poll() throws Exception {
        return false;
    }

    /** False stops the reading of {@code inbox} for now; the subclass must arrange a wake-up. */
    protected boolean canProcess() {
        return true;
    }

    /**
     * Asked, once the shutdown message is due, whether the component may finish now; false pauses
     * it until woken. Default true.
     */
    protected boolean readyToFinish(Object shutdownMessage) throws Exception {
        return true;
    }

    /** Last words before finishing: may {@link #emit}; returns what goes on {@code signal}. */
    protected Object finishing(Object shutdownMessage) throws Exception {
        return shutdownMessage;
    }

    /** Sends {@code msg} on {@code outbox} now, or holds it (and what follows) until there is room. */
    protected final void emit(Object msg) {
        emit(msg, OUTBOX);
    }

    /** Sends {@code msg} on the named outbox now, or holds it until there is room; order is kept. */
    protected final void emit(Object msg, String outbox) {
        if (held.isEmpty()) {
            try {
                send(msg, outbox);
                return;
            } catch (BoxFullException full) {
                // kept below; the recv that frees space wakes us
            }
        } else if (!outboxNames().contains(outbox)) {
            throw new UnknownBoxException(this, "outbox", outbox, outboxNames());
        }
        held.addLast(new Held(msg, outbox));
    }

    /** True while emitted messages wait for room downstream. */
    protected final boolean holding() {
        return !held.isEmpty();
    }

    /** Ends a source: after what is held is delivered, {@code signalMessage} goes on {@code signal}. */
    protected final void finishWith(Object signalMessage) {
        if (shutdown == null) {
            shutdown = signalMessage;
            owed = 0;
        }
    }

    /**
     * Ends the component now, whatever it was doing: after what is held is delivered,
     * {@code signalMessage} (typically an {@code ErrorInformation}) goes on {@code signal}; the
     * rest of {@code inbox} is left unread.
     */
    protected final void finishNow(Object signalMessage) {
        shutdown = signalMessage;
        owed = 0;
    }

    /** The shutdown message received (or given to {@link #finishWith}), or null while running. */
    protected final Object shutdownMessage() {
        return shutdown;
    }

    @Override
    protected final Step main() throws Exception {
        if (!flush()) {
            return Step.PAUSE;
        }
        if (closing) {
            return Step.DONE;
        }
        readControl();
        boolean again = poll();
        while (held.isEmpty() && (shutdown == null || owed > 0) && dataReady() && canProcess()) {
            Object msg = recv();
            if (shutdown != null) {
                owed--;
            }
            process(msg);
        }
        if (!held.isEmpty()) {
            return Step.PAUSE;
        }
        if (shutdown != null && (owed == 0 || !dataReady()) && readyToFinish(shutdown)) {
            Object last = finishing(shutdown);
            emit(last, SIGNAL);
            closing = true;
            return flush() ? Step.DONE : Step.PAUSE;
        }
        return again ? Step.CONTINUE : Step.PAUSE;
    }

    private void readControl() {
        while (dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ShutdownMicroprocess) {
                if (shutdown == null || shutdown instanceof ProducerFinished) {
                    shutdown = m;
                    owed = 0;
                }
            } else if (m instanceof ProducerFinished || m instanceof ErrorInformation) {
                if (shutdown == null) {
                    shutdown = m;
                    owed = dataCount(INBOX);
                }
            } else {
                emit(m, SIGNAL);
            }
        }
    }

    /** Delivers held messages in order; true when none is left. */
    private boolean flush() {
        for (Held next; (next = held.peekFirst()) != null; held.removeFirst()) {
            try {
                send(next.message, next.outbox);
            } catch (BoxFullException full) {
                return false;
            }
        }
        return true;
    }

    /** A message waiting for room, with its outbox. */
    private record Held(Object message, String outbox) {
    }
}
