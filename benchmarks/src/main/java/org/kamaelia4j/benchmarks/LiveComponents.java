package org.kamaelia4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The most idle components one JVM holds: millions made, in batches of 100,000, until
 * {@code size} are live or the heap is nearly full (less than a tenth free after a full
 * collection; see {@link #batchesThatFit}). Heavy: skipped by an unfiltered quick run; run it with a big heap,
 * {@code K4J_JAVA_OPTS=-Xmx8g ./k4j bench live}. Same kinds as {@link IdleMemory}. Each kind also
 * prints how long making them took and the heap they hold after a full collection.
 */
final class LiveComponents implements Workload {

    private static final int BATCH = 100_000;

    @Override
    public String name() {
        return "live-components";
    }

    @Override
    public String title() {
        return "Most idle components live in one JVM (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB), up to the size asked for: millions";
    }

    @Override
    public Unit unit() {
        return Unit.MILLIONS;
    }

    @Override
    public String target() {
        return "10,000,000 live components with -Xmx8g";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 1_000_000 : 10_000_000;
    }

    @Override
    public boolean heavy() {
        return true;
    }

    @Override
    public List<Contender> contenders() {
        return Idlers.kinds().stream()
                .map(k -> new Contender(k.name(), k.ours(), n -> millionsLive(k, n)))
                .toList();
    }

    static double millionsLive(Idlers.Kind kind, long most) throws Exception {
        long heapBefore = Idlers.usedHeapAfterGc();
        try (Idlers idlers = kind.make().get()) {
            long start = System.nanoTime();
            long batches = 0;
            while (idlers.size() < most) {
                if (batches == 0) {
                    batches = batchesThatFit(idlers.size(), heapBefore);
                    if (batches == 0) {
                        break;
                    }
                }
                idlers.grow((int) Math.min(BATCH, most - idlers.size()));
                batches--;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long heap = Idlers.usedHeapAfterGc() - heapBefore;
            System.out.printf(Locale.ROOT, "  %s: %,d live, made in %.1f s; heap %,d MB after a full GC"
                    + " (%d bytes each)%n", kind.name(), idlers.size(), seconds, heap >> 20,
                    heap / Math.max(1, idlers.size()));
            return idlers.size() / 1e6;
        }
    }

    /**
     * How many more batches to make before looking again: one while more than a quarter of the
     * heap is free; else, after a full collection, half of those that fit above the last tenth at
     * the bytes per idler so far (0 when none does). Halving keeps the full collections, which take
     * a minute on a loaded machine with gigabytes live, to a handful instead of two per batch.
     */
    private static long batchesThatFit(long size, long heapBefore) {
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        if (max - (rt.totalMemory() - rt.freeMemory()) > max / 4) {
            return 1;
        }
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long perBatch = Math.max(1, (used - heapBefore) / Math.max(1, size)) * BATCH;
        long fit = (max - max / 10 - used) / perBatch;
        return fit <= 0 ? 0 : Math.max(1, fit / 2);
    }
}
