package org.kamaelia4j.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * PyCSP's token ring: 64 nodes with 1, 4, 16 or 63 tokens circulating at once; million hops per
 * second for each token count.
 *
 * <p>With more tokens there is more work in flight per wake-up, so throughput should grow with
 * the token count. The report has one row per token count (see {@link Ring} for the contenders).
 */
final class RingTokens implements Workload {

    static final int NODES = 64;
    static final int[] TOKENS = {1, 4, 16, 63};

    @Override
    public String name() {
        return "ring-tokens";
    }

    @Override
    public String title() {
        return "Ring of 64 nodes with 1..63 tokens (PyCSP's benchmark): million hops per second";
    }

    @Override
    public Unit unit() {
        return Unit.MILLION_PER_SECOND;
    }

    @Override
    public String target() {
        return "throughput grows with the number of tokens; table against the baselines";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 200_000 : 2_000_000;
    }

    @Override
    public List<Contender> contenders() {
        List<Contender> all = new ArrayList<>();
        for (int tokens : TOKENS) {
            all.addAll(Ring.contenders(NODES, tokens, tokens + (tokens == 1 ? " token" : " tokens"), unit()));
        }
        return all;
    }
}
