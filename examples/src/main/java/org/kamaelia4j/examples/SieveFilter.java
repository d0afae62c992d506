package org.kamaelia4j.examples;

import java.util.concurrent.atomic.AtomicInteger;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * One filter of the concurrent prime sieve: it holds one prime, drops its multiples and passes
 * every other number on; the last filter, on receiving a number, has found a new prime and
 * spawns the filter for it.
 *
 * <pre>{@code
 * Collector primes = new Collector();
 * NumberSource numbers = new NumberSource(2, Integer.MAX_VALUE, 64);
 * SieveFilter.Sieve sieve = new SieveFilter.Sieve(100, numbers, primes);
 * SieveFilter two = new SieveFilter(2, 1, sieve);
 * numbers.link(numbers, OUTBOX, two, INBOX);
 * numbers.link(numbers, SIGNAL, two, CONTROL);
 * List.of(primes, numbers, two).forEach(c -> c.activate(s));
 * s.run();                                   // primes.collected() is 2, 3, 5, ..., 541
 * }</pre>
 *
 * <p>In its first slice a filter links its {@code prime} outbox to the sieve's sink and announces
 * its prime there; since a filter is created by its predecessor's slice, after that one's own
 * announcement, the primes reach the sink in order on any number of workers. A new filter is
 * linked {@code outbox -> inbox} and {@code signal -> control} behind its creator and activated on
 * the same scheduler. The filter of the last wanted prime spawns no more and drops what passes it.
 * That filter also tells the number source to stop; the source's shutdown message then travels
 * down the chain behind the numbers, so every filter is live until the last one has started.
 * The last filter links its {@code signal} to the sink's {@code control} and sends the message
 * there, which ends the sink.
 */
final class SieveFilter extends Component {

    /** Outbox on which a filter announces its prime. */
    static final String PRIME = "prime";
    /** Outbox on which the last wanted filter tells the number source to stop. */
    static final String STOP = "stop";

    private final int prime;
    private final int ordinal;
    private final Sieve sieve;
    private SieveFilter next;
    private boolean announced;

    /**
     * What every filter of one sieve shares: how many primes are wanted, the number source (to
     * stop once they are found), the sink that collects them, and the number of microprocesses
     * live on the scheduler when the last filter started.
     */
    record Sieve(int wanted, Component source, Component sink, AtomicInteger liveAtPeak) {

        Sieve(int wanted, Component source, Component sink) {
            this(wanted, source, sink, new AtomicInteger());
        }
    }

    /** The filter of {@code prime}, the {@code ordinal}-th prime (2 is the first), in {@code sieve}. */
    SieveFilter(int prime, int ordinal, Sieve sieve) {
        super(Boxes.builder()
                .inbox(INBOX, "candidate numbers, in increasing order")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess, after the last number")
                .outbox(OUTBOX, "the numbers that are not multiples of this prime, to the next filter")
                .outbox(SIGNAL, "the shutdown message, to the next filter or, from the last, to the sink")
                .outbox(PRIME, "this filter's prime, announced once to the sieve's sink")
                .outbox(STOP, "from the filter of the last wanted prime: ShutdownMicroprocess to the number source")
                .build());
        this.prime = prime;
        this.ordinal = ordinal;
        this.sieve = sieve;
    }

    @Override
    protected Step main() {
        if (!announced) {
            link(this, PRIME, sieve.sink(), INBOX);
            send(prime, PRIME);
            announced = true;
            if (ordinal == sieve.wanted()) {
                sieve.liveAtPeak().set(scheduler().microprocesses().size());
                link(this, STOP, sieve.source(), CONTROL);
                send(new ShutdownMicroprocess(), STOP);
            }
        }
        Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;
        while (dataReady()) {
            int n = this.<Integer>recv();
            if (n % prime != 0) {
                pass(n);
            }
        }
        if (stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess) {
            if (next == null) {
                link(this, SIGNAL, sieve.sink(), CONTROL);
            }
            send(stop, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    private void pass(int n) {
        if (next != null) {
            send(n);
        } else if (ordinal < sieve.wanted()) {
            next = new SieveFilter(n, ordinal + 1, sieve);
            link(this, OUTBOX, next, INBOX);
            link(this, SIGNAL, next, CONTROL);
            next.activate(scheduler());
        }
    }
}
