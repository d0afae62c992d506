package org.kamaelia4j.benchmarks;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Sends {@code System.nanoTime()} stamps at a steady rate, then {@code ProducerFinished}: the
 * source stage of the latency workload. The first {@code warmUp} stamps are sent negated, so that
 * the receiver leaves them out (they pay for the JIT). Stamps are due on a fixed schedule from the
 * first slice; one that is late (the outbox was full, or the stage did not get the CPU) goes as
 * soon as it can. Each stamp is read when its message is sent, so queueing in the link shows in
 * the latency but time a late message waited before it could be sent does not. (Stamping the due
 * time instead showed a 1,000,000/s stream falling hundreds of milliseconds behind its schedule
 * on this 2-core machine.)
 * On Linux {@code nanoTime} is the same clock in every JVM of the machine.
 */
final class PacedStamps extends Component {

    private final long perSecond;
    private final long count;
    private final long warmUp;
    private long start;
    private long sent;

    PacedStamps(long perSecond, long count, long warmUp) {
        super(Boxes.builder()
                .inbox(INBOX, "not used")
                .inbox(CONTROL, "not used")
                .outbox(OUTBOX, "nanoTime stamps, negated during the warm-up")
                .outbox(SIGNAL, "ProducerFinished after the last stamp")
                .build());
        this.perSecond = perSecond;
        this.count = count;
        this.warmUp = warmUp;
    }

    @Override
    protected Step main() {
        long now = System.nanoTime();
        if (start == 0) {
            start = now;
        }
        long due = Math.min(count, (long) ((now - start) * (perSecond / 1e9)) + 1);
        for (; sent < due; sent++) {
            long stamp = System.nanoTime();
            try {
                send(sent < warmUp ? -stamp : stamp);
            } catch (BoxFullException full) {
                return Step.PAUSE;
            }
        }
        if (sent == count) {
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
        return Step.CONTINUE;
    }
}
