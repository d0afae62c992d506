package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.components.util.Collector;

/**
 * {@code ./k4j example sieve}: the concurrent prime sieve, one filter component per prime: 10,000
 * primes by default, so 10,000 filter components live at once.
 *
 * <pre>
 * ./k4j example sieve                          # 10,000 primes on one worker
 * ./k4j example sieve --primes 50_000 --workers 2
 * </pre>
 *
 * <h2>Why this program</h2>
 * The sieve is CSP's classic demonstration of dynamic process creation: a generator feeds 2, 3,
 * 4, ... into a chain of filters; each filter drops the multiples of its prime; a number that
 * passes the last filter is prime, and a new filter for it joins the end of the chain. The PyCSP
 * paper shows its thread-per-process version dying at about the 381st thread with "can't start
 * new thread". A Kamaelia4J component is a state machine stepped by the scheduler, not a thread,
 * so a paused filter costs only its memory.
 *
 * <h2>How it runs</h2>
 * {@link NumberSource} counts up from 2 into the first filter's inbox, which is bounded so that
 * the count cannot run far ahead of the sieve; {@link SieveFilter}s do the rest and announce their
 * primes to a {@code Collector}; the filter of the last wanted prime stops the count. The result
 * is checked against an ordinary sieve of Eratosthenes.
 */
public final class Sieve {

    private static final Set<String> OPTIONS = Set.of("primes", "workers");
    private static final int BATCH = 64;
    private static final int WINDOW = 1024;

    private Sieve() {
    }

    /** The outcome of one run: the primes in the order they were found, and what it took. */
    record Result(List<Integer> primes, int liveAtPeak, long nanos) {
    }

    /** Finds the first {@code wanted} primes with the component sieve on {@code scheduler}. */
    static Result primes(int wanted, Scheduler scheduler) {
        Collector sink = new Collector();
        NumberSource numbers = new NumberSource(2, Integer.MAX_VALUE, BATCH);
        SieveFilter.Sieve sieve = new SieveFilter.Sieve(wanted, numbers, sink);
        SieveFilter two = new SieveFilter(2, 1, sieve);
        two.setInboxSize(Component.INBOX, WINDOW);                       // the source may run this far ahead
        long start = System.nanoTime();
        numbers.link(numbers, Component.OUTBOX, two, Component.INBOX);   // not a Pipeline: the chain grows
        numbers.link(numbers, Component.SIGNAL, two, Component.CONTROL); // from the filters' own outboxes
        for (Component c : List.of(sink, numbers, two)) {
            c.activate(scheduler);
        }
        scheduler.run();
        long nanos = System.nanoTime() - start;
        List<Integer> primes = sink.collected().stream().map(p -> (Integer) p).toList();
        return new Result(primes, sieve.liveAtPeak().get(), nanos);
    }

    /** An upper bound on the {@code n}-th prime (Rosser's theorem for n >= 6). */
    static int bound(int n) {
        return n < 6 ? 13 : (int) Math.ceil(n * (Math.log(n) + Math.log(Math.log(n))));
    }

    /** The first {@code count} primes by an ordinary sieve of Eratosthenes, for checking. */
    static List<Integer> eratosthenes(int count) {
        int limit = bound(count);
        boolean[] composite = new boolean[limit + 1];
        List<Integer> primes = new ArrayList<>(count);
        for (int i = 2; i <= limit && primes.size() < count; i++) {
            if (!composite[i]) {
                primes.add(i);
                for (long m = (long) i * i; m <= limit; m += i) {
                    composite[(int) m] = true;
                }
            }
        }
        return primes;
    }

    /** Runs the sieve and checks it, printing to {@code out}; see the class comment for {@code args}. */
    public static void run(PrintStream out, String... args) {
        Options options = Options.parse("sieve", args, OPTIONS, Set.of());
        int wanted = options.integer("primes", 10_000);
        int workers = options.integer("workers", 1);
        out.printf("concurrent prime sieve: %,d primes, one filter component per prime, %d worker(s)%n", wanted,
                workers);
        Result r = primes(wanted, Scheduler.create(workers));
        boolean right = r.primes().equals(eratosthenes(wanted));
        out.printf("found %,d primes, the last %,d, in %.2f s; %,d filter components were"
                + " created and %,d microprocesses were live at once%n", r.primes().size(),
                r.primes().isEmpty() ? 0 : r.primes().get(r.primes().size() - 1), r.nanos() / 1e9, wanted,
                r.liveAtPeak());
        out.println("PyCSP on threads died at about 381 filters: \"error: can't start new thread\"");
        out.println(right ? "primes check: OK (same as a sieve of Eratosthenes)" : "primes check: WRONG");
        if (!right) {
            throw new IllegalStateException("sieve: the component sieve's primes differ from Eratosthenes': "
                    + r.primes());
        }
    }

    /** {@code ./k4j example sieve [--primes N] [--workers N]}. */
    public static void main(String[] args) {
        run(System.out, args);
    }
}
