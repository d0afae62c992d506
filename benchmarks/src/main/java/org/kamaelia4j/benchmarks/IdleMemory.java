package org.kamaelia4j.benchmarks;

import java.util.List;

/**
 * Heap per idle component: bytes each, measured as the heap in use after a full collection with
 * {@code size} of them idle, minus the same before they were made, over {@code size}.
 *
 * <p>Against idle virtual threads (bare, and each blocked on its own mailbox queue, the closest
 * match to a component with its inboxes) and idle Pekko actors (see {@link Idlers}).
 */
final class IdleMemory implements Workload {

    @Override
    public String name() {
        return "idle-memory";
    }

    @Override
    public String title() {
        return "Heap per idle component (default boxes), after a full GC: bytes each";
    }

    @Override
    public Unit unit() {
        return Unit.BYTES;
    }

    @Override
    public String target() {
        return "<= 256 bytes per idle component with default boxes (1M of them)";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 50_000 : 1_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return Idlers.kinds().stream()
                .map(k -> new Contender(k.name(), k.ours(), n -> bytesEach(k, (int) n)))
                .toList();
    }

    static double bytesEach(Idlers.Kind kind, int n) throws Exception {
        long before = Idlers.usedHeapAfterGc();
        try (Idlers idlers = kind.make().get()) {
            idlers.grow(n);
            long after = Idlers.usedHeapAfterGc();
            if (idlers.size() != n) {
                throw new IllegalStateException(kind.name() + ": " + idlers.size() + " idle of " + n);
            }
            return (double) (after - before) / n;
        }
    }
}
