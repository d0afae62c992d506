package org.kamaelia4j.components.protocol;

import java.net.ProtocolException;
import java.util.ArrayDeque;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * The loop every stream transformer here shares: take each message from {@code inbox}, turn it
 * into zero or more messages on {@code outbox}, hold what a full destination refuses until it has
 * room, and finish on {@code ProducerFinished} or {@code ShutdownMicroprocess} from
 * {@code control} (passed on through {@code signal}) once everything before it is out.
 *
 * <p>Bad input is fatal: a subclass calls {@link #fail}; what was emitted before goes out, then
 * {@code ErrorInformation} with the message goes out on {@code signal} and the component finishes.
 * An {@code ErrorInformation} arriving on {@code control} (from an upstream stage that failed) is
 * passed on the same way, so a {@code Pipeline} of protocol stages reports a fault at its end.
 */
abstract class Transformer extends Component {

    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private Object stop;
    private boolean finishing;
    private ErrorInformation error;

    Transformer(Boxes boxes) {
        super(boxes);
    }

    /** Handles one message from {@code inbox}; results go to {@link #emit}. */
    abstract void onMessage(Object message);

    /** Called once when {@code ProducerFinished} arrives, after every earlier message. */
    void onProducerFinished() {
    }

    /** Called for each message on an inbox other than {@code inbox} and {@code control}. */
    void onOtherInbox(String inbox, Object message) {
    }

    /** Queues a message for {@code outbox}. */
    final void emit(Object message) {
        pending.add(message);
    }

    /** Reports bad input: the component finishes after what it emitted so far. */
    final void fail(String reason) {
        String message = name() + ": " + reason;
        error = new ErrorInformation(this, new ProtocolException(message), message);
    }

    /** Throws when {@code message} is not a byte array. */
    final byte[] bytes(Object message) {
        if (message instanceof byte[] b) {
            return b;
        }
        throw new IllegalArgumentException(name() + " takes byte[] on 'inbox', got "
                + (message == null ? "null" : message.getClass().getName()));
    }

    @Override
    protected final Step main() {
        if (!drain()) {
            return Step.PAUSE;
        }
        while (stop == null && dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
                stop = m;
            } else if (m instanceof ErrorInformation upstream && error == null) {
                error = upstream;
            }
        }
        for (String box : inboxNames()) {
            if (!box.equals(INBOX) && !box.equals(CONTROL)) {
                while (error == null && dataReady(box)) {
                    onOtherInbox(box, recv(box));
                }
            }
        }
        while (error == null && dataReady()) {
            onMessage(recv());
            if (!drain()) {
                return Step.PAUSE;
            }
        }
        if (error != null) {
            send(error, SIGNAL);
            return Step.DONE;
        }
        if (stop != null) {
            if (stop instanceof ProducerFinished && !finishing) {
                finishing = true;
                onProducerFinished();
            }
            if (!drain()) {
                return Step.PAUSE;
            }
            send(error != null ? error : stop, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    /** Sends what is pending; false when the destination is full (a recv there wakes us). */
    private boolean drain() {
        while (!pending.isEmpty()) {
            try {
                send(pending.peekFirst());
            } catch (BoxFullException full) {
                return false;
            }
            pending.removeFirst();
        }
        return true;
    }
}
