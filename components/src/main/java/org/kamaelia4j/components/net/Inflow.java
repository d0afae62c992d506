package org.kamaelia4j.components.net;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.kamaelia4j.axon.Microprocess;

/**
 * A bounded hand-off between a virtual thread doing blocking I/O and the slices of the component
 * that owns it, in either direction: the building block of every I/O component here.
 *
 * <pre>{@code
 * final class LineSource extends Component {
 *     private final Inflow<String> lines = new Inflow<>(this, 64);
 *     protected void initialiseComponent() {
 *         Thread.ofVirtual().start(() -> { ... lines.put(reader.readLine()); ... });   // blocks when full
 *     }
 *     protected Step main() {
 *         for (String l; (l = lines.peek()) != null; lines.remove()) {
 *             send(l);                                   // on BoxFullException: keep it, return PAUSE
 *         }
 *         return Step.PAUSE;                             // put() wakes us
 *     }
 * }
 * }</pre>
 *
 * <p>The I/O side blocks ({@link #put}, {@link #take}) and wakes the owner after every transfer;
 * the owner never blocks ({@link #peek}/{@link #remove}, {@link #offer}). The bound is the
 * back-pressure: a reader that gets ahead of its component waits in {@code put}, a component
 * that gets ahead of its writer leaves messages in its inbox.
 */
public final class Inflow<T> {

    private final BlockingQueue<T> queue;
    private final Microprocess owner;

    /** A hand-off holding up to {@code capacity} items, waking {@code owner}. */
    public Inflow(Microprocess owner, int capacity) {
        this.owner = owner;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** I/O side: waits for room, hands over and wakes the owner. */
    public void put(T item) throws InterruptedException {
        queue.put(item);
        owner.unpause();
    }

    /** I/O side: waits for an item, takes it and wakes the owner (there is room again). */
    public T take() throws InterruptedException {
        T item = queue.take();
        owner.unpause();
        return item;
    }

    /** Owner side: the oldest item, left in place, or null. */
    public T peek() {
        return queue.peek();
    }

    /** Owner side: drops the oldest item (after {@link #peek}). */
    public void remove() {
        queue.poll();
    }

    /** Owner side: hands over without waiting; false when full. */
    public boolean offer(T item) {
        return queue.offer(item);
    }

    /** Owner side: true when {@link #offer} would succeed. */
    public boolean hasRoom() {
        return queue.remainingCapacity() > 0;
    }
}
