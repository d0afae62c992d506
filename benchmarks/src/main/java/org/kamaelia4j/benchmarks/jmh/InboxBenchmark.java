package org.kamaelia4j.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One message sent on a component's {@code outbox} and taken from the linked component's
 * {@code inbox}, on one thread: the cost of the box path itself (link resolution, the inbox
 * queue, the wake-up check) without a scheduler.
 *
 * <pre>
 * ./k4j bench jmh Inbox
 * </pre>
 *
 * <p>Neither component is activated, so the wake-up a delivery makes finds nothing to schedule;
 * the scheduler's share of a hop is what the {@code ring-hops} and {@code pipeline-hops} workloads
 * of {@code ./k4j bench} measure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class InboxBenchmark {

    private final Integer message = 42;
    private Idle sender;
    private Idle receiver;

    /** Links the sender's {@code outbox} to the receiver's {@code inbox}. */
    @Setup
    public void setUp() {
        sender = new Idle();
        receiver = new Idle();
        sender.link(sender, Component.OUTBOX, receiver, Component.INBOX);
    }

    /** Sends one message and receives it. */
    @Benchmark
    public Object sendAndReceive() {
        sender.send(message);
        return receiver.recv();
    }

    /** A component that is never activated. */
    private static final class Idle extends Component {
        @Override
        protected Step main() {
            return Step.DONE;
        }
    }
}
