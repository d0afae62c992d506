package org.kamaelia4j.tools;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/** Small components for the tests. */
final class Parts {

    private Parts() {
    }

    static boolean isShutdown(Object m) {
        return m instanceof ProducerFinished || m instanceof ShutdownMicroprocess;
    }

    /** Does nothing but wait for a shutdown on control. */
    static class Idle extends Component {
        @Override
        protected Step main() {
            while (dataReady(INBOX)) {
                recv(INBOX);
            }
            if (dataReady(CONTROL) && isShutdown(recv(CONTROL))) {
                return Step.DONE;
            }
            return Step.PAUSE;
        }
    }

    /** Collects what arrives on inbox; finishes on a shutdown on control, forwarding it. */
    static final class Sink extends Component {
        final List<Object> received = new CopyOnWriteArrayList<>();

        @Override
        protected Step main() {
            while (dataReady(INBOX)) {
                received.add(recv(INBOX));
            }
            if (dataReady(CONTROL)) {
                Object m = recv(CONTROL);
                if (isShutdown(m)) {
                    send(m, SIGNAL);
                    return Step.DONE;
                }
            }
            return Step.PAUSE;
        }
    }

    /** Passes inbox to outbox; forwards a shutdown. */
    static final class Relay extends Component {
        @Override
        protected Step main() {
            while (dataReady(INBOX)) {
                send(recv(INBOX), OUTBOX);
            }
            if (dataReady(CONTROL)) {
                Object m = recv(CONTROL);
                if (isShutdown(m)) {
                    send(m, SIGNAL);
                    return Step.DONE;
                }
            }
            return Step.PAUSE;
        }
    }
}
