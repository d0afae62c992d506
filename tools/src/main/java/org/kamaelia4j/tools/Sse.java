package org.kamaelia4j.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One Server-Sent-Events client: a bounded queue of events and the loop that writes them.
 *
 * <pre>{@code
 * Sse client = new Sse(exchange.getResponseBody());
 * client.offer("topology", "ADD NODE \"7\" \"Producer_7\" randompos component");
 * client.pump();                     // on the exchange's thread, until the client goes away
 * }</pre>
 *
 * <p>Each event is {@code event: NAME} and one {@code data:} line per line of data. A client that
 * reads too slowly to keep {@value #ROOM} events queued is dropped rather than letting memory
 * grow; a comment line is sent every 15 seconds of silence so that a dead connection is noticed.
 * {@link #offer} is called from any thread; {@link #pump} from the one serving the client.
 */
final class Sse {

    static final int ROOM = 10_000;
    private static final String[] CLOSE = new String[0];

    private final OutputStream out;
    private final LinkedBlockingQueue<String[]> queue = new LinkedBlockingQueue<>(ROOM);
    private volatile boolean closed;

    Sse(OutputStream out) {
        this.out = out;
    }

    /** Queues an event; false once the client is gone or too far behind. */
    boolean offer(String event, String data) {
        if (closed) {
            return false;
        }
        if (!queue.offer(new String[] {event, data})) {
            close();
            return false;
        }
        return true;
    }

    /** Makes {@link #pump} return. */
    void close() {
        closed = true;
        queue.clear();
        queue.offer(CLOSE);
    }

    /** Writes events until the client goes away or {@link #close} is called. */
    void pump() throws InterruptedException {
        try {
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closed) {
                String[] e = queue.poll(15, TimeUnit.SECONDS);
                StringBuilder text = new StringBuilder();
                if (e == null) {
                    text.append(": keep-alive\n\n");
                } else if (e == CLOSE) {
                    break;
                } else {
                    for (String[] next = e; next != null && next != CLOSE; next = queue.poll()) {
                        text.append("event: ").append(next[0]).append('\n');
                        for (String line : next[1].split("\n", -1)) {
                            text.append("data: ").append(line).append('\n');
                        }
                        text.append('\n');
                    }
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException gone) {
            // the client closed the connection
        } finally {
            closed = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
