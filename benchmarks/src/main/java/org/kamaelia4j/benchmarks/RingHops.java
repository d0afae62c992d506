package org.kamaelia4j.benchmarks;

import java.util.List;

/**
 * A ring of 1,000 nodes passing one token round and round: nanoseconds per hop, on one worker.
 *
 * <p>The cost of one message moving from one component to the next and waking it, with nothing
 * else to overlap it. Baselines: virtual threads and platform threads joined by
 * {@code SynchronousQueue}s or {@code ArrayBlockingQueue}s, Pekko actors on a one-thread and on
 * the default dispatcher, and JCSP processes joined by {@code One2OneChannel}s (see {@link Ring}).
 */
final class RingHops implements Workload {

    static final int NODES = 1_000;

    @Override
    public String name() {
        return "ring-hops";
    }

    @Override
    public String title() {
        return "Ring of 1,000 nodes, one token, one worker: ns per hop (slow baselines make a fraction of the hops)";
    }

    @Override
    public Unit unit() {
        return Unit.NS_PER_OP;
    }

    @Override
    public String target() {
        return "<= 50 ns per hop, and ahead of every baseline";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 1_000_000 : 10_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return Ring.contenders(NODES, 1, "", unit());
    }
}
