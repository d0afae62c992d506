package org.kamaelia4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every workload computes the right answer on every contender at a tiny size: the ring retires
 * every token after exactly its hops, skynet delivers the sum of its leaves, ping-pong completes
 * every round trip, the parallel parts agree with a plain loop, idle populations hold what was
 * asked. Figures are never checked (no timing assertions); a wrong result throws inside the
 * measurement, which fails the test.
 */
@Timeout(120)
class WorkloadsTest {

    @Test
    void everyWorkloadRunsEveryContenderAtATinySize() throws Exception {
        for (Workload w : Bench.workloads().stream().filter(w -> !w.startsJvms()).toList()) {
            long size = w.name().equals("ring-hops") ? 10_000 : 1_000;
            for (Contender c : w.contenders()) {
                double figure = c.measure().run(size);
                assertFalse(Double.isNaN(figure) || Double.isInfinite(figure), w.name() + ": " + c.label());
            }
        }
    }

    @Test
    void workloadNamesAreDistinctAndEachGroupHasAKamaelia4JContender() {
        List<Workload> all = Bench.workloads();
        assertEquals(all.size(), all.stream().map(Workload::name).distinct().count());
        for (Workload w : all) {
            assertTrue(w.size(true) > 0 && w.size(true) <= w.size(false), w.name());
            Map<String, Long> ours = w.contenders().stream().filter(Contender::ours)
                    .collect(Collectors.groupingBy(Contender::group, Collectors.counting()));
            Set<String> groups = w.contenders().stream().map(Contender::group).collect(Collectors.toSet());
            assertEquals(groups, ours.keySet(), w.name());
            assertTrue(w.contenders().get(0).ours(), w.name() + ": the first contender is the one compared with");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 63})
    void aRingRetiresEveryTokenAfterExactlyItsHopsOnEveryImplementation(int tokens) throws Exception {
        assertTrue(new Ring(64, tokens, 6_300).onKamaelia(1) > 0);
        assertTrue(new Ring(64, tokens, 6_300).onKamaelia(2) > 0);
        assertTrue(new Ring(64, tokens, 630).onThreads(Thread.ofVirtual().factory(),
                i -> new SynchronousQueue<>()) > 0);
        assertTrue(new Ring(64, tokens, 630).onJcsp() > 0);
        assertTrue(new Ring(64, tokens, 630).onPekko(Peers.ONE_THREAD) > 0);
    }

    @Test
    void aRingCountsItsHopsAndRefusesTooManyTokens() {
        assertEquals(999, new Ring(1_000, 1, 999).totalHops());
        assertEquals(6_300, new Ring(64, 63, 6_300).totalHops());
        assertEquals(63, new Ring(64, 63, 1).totalHops());
        assertThrows(IllegalArgumentException.class, () -> new Ring(64, 64, 1_000));
        assertThrows(IllegalArgumentException.class, () -> new Ring(64, 0, 1_000));
    }

    @Test
    void skynetSumsItsLeavesOnEveryContender() throws Exception {
        assertEquals(499_999_500_000L, Skynet.expected(1_000_000));
        assertEquals(499_500L, Skynet.expected(1_000));
        assertEquals(499_500L, Skynet.kamaelia(1_000, 1));
        assertEquals(4_999_950_000L, Skynet.kamaelia(100_000, 2));
        assertEquals(499_500L, Skynet.virtual(1_000));
        assertEquals(499_500L, Skynet.pekko(1_000));
        assertEquals(0L, Skynet.kamaelia(1, 1));
    }

    @Test
    void skynetRefusesASizeThatIsNotAPowerOfTen() {
        Contender ours = new Skynet().contenders().get(0);
        assertThrows(IllegalArgumentException.class, () -> ours.measure().run(1_500));
    }

    @Test
    void pingPongMakesEveryRoundTrip() throws Exception {
        assertEquals(1_000, PingPong.kamaelia(1_000));
        assertEquals(1_000, PingPong.kamaeliaAcross(1_000));
        assertEquals(1_000, PingPong.spin(1_000));
        assertEquals(100, PingPong.threads(100, Thread.ofPlatform().factory()));
        assertEquals(100, PingPong.jcsp(100));
        assertEquals(100, PingPong.pekko(100));
    }

    @Test
    void parallelPartsAgreeWithAPlainLoop() throws Exception {
        assertTrue(ParallelSpeedup.kamaelia(800_000, 1) >= 0);
        assertTrue(ParallelSpeedup.kamaelia(800_000, 2) >= 0);
        assertTrue(ParallelSpeedup.threads(800_000, Thread.ofVirtual().factory()) >= 0);
        assertEquals(0, ParallelSpeedup.expected(0));
    }

    @Test
    void idlePopulationsHoldWhatWasAskedAndEndCleanly() throws Exception {
        for (Idlers.Kind kind : Idlers.kinds()) {
            try (Idlers idlers = kind.make().get()) {
                idlers.grow(500);
                idlers.grow(300);
                assertEquals(800, idlers.size(), kind.name());
            }
            assertEquals(0.002, LiveComponents.millionsLive(kind, 2_000), 1e-9, kind.name());
        }
    }
}
