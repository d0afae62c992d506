package org.kamaelia4j.tools.web;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.ThreadedComponent;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * A demo source for the web UI test: sends 0, 1, 2, ... on {@code outbox}, one number every period, until a
 * {@code ProducerFinished} or {@code ShutdownMicroprocess} arrives on {@code control}, which it forwards on
 * {@code signal}. It runs on its own thread, so a slow or paused consumer lets its inbox fill up.
 *
 * <pre>{@code
 * new Pipeline(new Ticker(20), new Doubler(), new Tally()).activate(scheduler);
 * }</pre>
 */
final class Ticker extends ThreadedComponent {

    private final long periodNanos;

    /** A ticker sending one number every {@code periodMillis} milliseconds. */
    Ticker(long periodMillis) {
        super(Boxes.builder()
                .inbox(INBOX, "unused")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess stops the ticking")
                .outbox(OUTBOX, "0, 1, 2, ... one number per tick")
                .outbox(SIGNAL, "forwards the message that stopped it")
                .build());
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
    }

    @Override
    protected void threadMain() {
        int next = 0;
        while (true) {
            if (dataReady(CONTROL)) {
                Object message = recv(CONTROL);
                if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) {
                    sendRetrying(message, SIGNAL);
                    return;
                }
            }
            sendRetrying(next++, OUTBOX);
            LockSupport.parkNanos(periodNanos);
        }
    }

    /** Keeps a message that does not fit into the outgoing queue and tries again a tick later. */
    private void sendRetrying(Object message, String box) {
        while (true) {
            try {
                send(message, box);
                return;
            } catch (BoxFullException full) {
                LockSupport.parkNanos(periodNanos);
            }
        }
    }
}
