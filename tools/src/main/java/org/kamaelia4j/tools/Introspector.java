package org.kamaelia4j.tools;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Sends the topology of the running system, and every change to it, as Kamaelia's text protocol
 * (Axon's {@code Introspector}).
 *
 * <pre>{@code
 * new Pipeline(new Introspector(), new Printer(System.out, "")).activate(scheduler);
 * // DEL ALL
 * // ADD NODE "3" "Pipeline_3" randompos component
 * // ADD NODE "3.i.inbox" "inbox" randompos inbox
 * // ADD LINK "3" "3.i.inbox"
 * // ...
 * }</pre>
 *
 * <p>Each message on {@code outbox} is one string of one or more lines, each ending in a newline:
 * first {@code DEL ALL} and the current state, then one message per change (an activation, a
 * finish, a link, an unlink), in the order Axon used: links removed, nodes removed, nodes added,
 * links added. See {@link Topology} for the lines and node ids.
 *
 * <h2>How it works</h2>
 * Unlike Axon's, which diffed the whole scheduler every time slice, it subscribes to the JVM's
 * {@link Registry}, which hears the core's instrumentation events; a change queues a batch and
 * wakes the Introspector, which sends what is queued and pauses. It sees every component of the
 * JVM, on any scheduler. It finishes on {@code ProducerFinished} or {@code ShutdownMicroprocess}
 * on {@code control}, forwarding it on {@code signal}.
 */
public final class Introspector extends Component {

    private final ConcurrentLinkedQueue<List<String>> batches = new ConcurrentLinkedQueue<>();
    private AutoCloseable subscription;

    /** An introspector; it starts reporting when activated. */
    public Introspector() {
        super(Boxes.builder()
                .inbox(INBOX, "not used")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess: stop")
                .outbox(OUTBOX, "topology (change) data: lines of Kamaelia's visualiser protocol")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
    }

    @Override
    protected void initialiseComponent() {
        Registry registry = Registry.get();
        registry.adopt(scheduler().microprocesses());    // those activated before the registry listened
        subscription = registry.subscribe(lines -> {
            batches.add(lines);
            unpause();
        });
    }

    @Override
    protected Step main() {
        while (dataReady(INBOX)) {
            recv(INBOX);
        }
        sendBatches();
        if (dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
                sendBatches();    // what was queued since the first look goes out before the signal
                send(m, SIGNAL);
                return Step.DONE;
            }
        }
        return Step.PAUSE;
    }

    private void sendBatches() {
        for (List<String> batch; (batch = batches.poll()) != null; ) {
            send(String.join("\n", batch) + "\n", OUTBOX);
        }
    }

    @Override
    protected void closeDownComponent() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }
}
