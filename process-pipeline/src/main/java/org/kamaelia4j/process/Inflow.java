package org.kamaelia4j.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kamaelia4j.axon.BoxFullException;

/**
 * Everything arriving at one end (a stage, or the network component) over the links into it:
 * reads each link's queue and hands the messages over, keeping a message that was refused
 * ({@code BoxFullException}) or that must wait for messages sent before it on a sibling link.
 *
 * <p>Between two JVMs, messages are handed over in the order they were sent across all the links
 * joining them (see {@link LinkWriter}); within a link, in order and each number once.
 */
final class Inflow implements AutoCloseable {

    /** Hands a message to the box at the end of link number {@code index} in this inflow. */
    @FunctionalInterface
    interface Receiver {
        /** @throws BoxFullException when the box is full; the message is kept and offered again */
        void deliver(Object message, int index);
    }

    private final List<LinkReader> readers;
    private final Object[] pending;
    private final Map<Integer, LinkReader> byLinkId = new HashMap<>();

    Inflow(List<LinkReader> readers) {
        this.readers = List.copyOf(readers);
        this.pending = new Object[readers.size()];
        readers.forEach(r -> byLinkId.put(r.link().id(), r));
    }

    List<LinkReader> readers() {
        return readers;
    }

    /** Hands over up to {@code batch} messages per link; true if any moved. */
    boolean pump(int batch, Receiver receiver) {
        boolean moved = false;
        for (int i = 0; i < readers.size(); i++) {
            LinkReader reader = readers.get(i);
            for (int n = 0; n < batch; n++) {
                Object message = pending[i] != null ? pending[i] : reader.next();
                if (message == null) {
                    break;
                }
                pending[i] = message;
                if (!siblingsCaughtUp(reader.dependencies())) {
                    break;
                }
                try {
                    receiver.deliver(message, i);
                } catch (BoxFullException full) {
                    break;
                }
                pending[i] = null;
                reader.delivered();
                moved = true;
            }
        }
        return moved;
    }

    private boolean siblingsCaughtUp(long[] dependencies) {
        for (int k = 0; k < dependencies.length; k += 2) {
            LinkReader sibling = byLinkId.get((int) dependencies[k]);
            if (sibling != null && sibling.deliveredSeq() < dependencies[k + 1]) {
                return false;
            }
        }
        return true;
    }

    /** True when no message read is waiting to be handed over. */
    boolean drained() {
        for (Object p : pending) {
            if (p != null) {
                return false;
            }
        }
        return true;
    }

    /** Marks every link's reading end finished for good: writers stop waiting for room. */
    void closeReaders() {
        readers.forEach(LinkReader::closeReader);
    }

    @Override
    public void close() {
        readers.forEach(LinkReader::close);
    }
}
