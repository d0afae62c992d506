package org.kamaelia4j.benchmarks;

import java.util.List;

/**
 * The most idle components one JVM holds: millions made, in batches of 100,000, until
 * {@code size} are live or the heap is nearly full (less than a tenth free after a full
 * collection). Heavy: skipped by an unfiltered quick run; run it with a big heap,
 * {@code K4J_JAVA_OPTS=-Xmx8g ./k4j bench live}. Same kinds as {@link IdleMemory}.
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
        try (Idlers idlers = kind.make().get()) {
            while (idlers.size() < most && roomForAnotherBatch()) {
                idlers.grow((int) Math.min(BATCH, most - idlers.size()));
            }
            return idlers.size() / 1e6;
        }
    }

    /** More than a tenth of the heap is free, after a full collection if it first looks short. */
    private static boolean roomForAnotherBatch() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        if (max - (rt.totalMemory() - rt.freeMemory()) > max / 4) {
            return true;
        }
        return max - Idlers.usedHeapAfterGc() > max / 10;
    }
}
