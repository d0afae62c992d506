package org.kamaelia4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The harness reports exactly what it measured. */
@Timeout(60)
class ReportTest {

    private static Workload fixed(Workload.Unit unit, double ours, double baseline) {
        return new Workload() {
            public String name() {
                return "fixed";
            }

            public String title() {
                return "a workload with known figures";
            }

            public Unit unit() {
                return unit;
            }

            public String target() {
                return "none";
            }

            public List<Contender> contenders() {
                return List.of(new Contender("ours", true, n -> ours), new Contender("theirs", false, n -> baseline));
            }

            public long size(boolean quick) {
                return 1;
            }
        };
    }

    @Test
    void medianOfAnOddAndAnEvenNumberOfRuns() {
        Contender c = new Contender("c", true, n -> 0);
        assertEquals(3.0, new Measurement(c, new double[] {9, 1, 3}).median());
        assertEquals(2.5, new Measurement(c, new double[] {4, 1, 2, 3}).median());
    }

    @Test
    void tableAndChartCarryTheMeasuredMediansAndTheComparison(@TempDir Path dir) throws Exception {
        Report report = Bench.run(fixed(Workload.Unit.MILLION_PER_SECOND, 30, 10), true);
        report.writeTo(dir);
        String md = Files.readString(dir.resolve("fixed.md"));
        assertTrue(md.contains("| ours | 30.0 | 30.0 | 30.0 | 3 |  |"), md);
        assertTrue(md.contains("| theirs | 10.0 | 10.0 | 10.0 | 3 | 3.00x better |"), md);
        String svg = Files.readString(dir.resolve("fixed.svg"));
        assertTrue(svg.startsWith("<svg") && svg.contains(">30.0<") && svg.contains(">10.0<"), svg);
    }

    @Test
    void lowerIsBetterUnitsCompareTheOtherWayRound() throws Exception {
        String md = Bench.run(fixed(Workload.Unit.NS_PER_OP, 50, 100), true).markdown();
        assertTrue(md.contains("| theirs | 100 | 100 | 100 | 3 | 2.00x better |"), md);
        String worse = Bench.run(fixed(Workload.Unit.NS_PER_OP, 200, 100), true).markdown();
        assertTrue(worse.contains("| theirs | 100 | 100 | 100 | 3 | 2.00x worse |"), worse);
    }

    @Test
    void groupedContendersCompareWithinTheirGroupAndGetATableBySetting() throws Exception {
        Workload grouped = new Workload() {
            public String name() {
                return "grouped";
            }

            public String title() {
                return "a workload measured at two settings";
            }

            public Unit unit() {
                return Unit.MILLION_PER_SECOND;
            }

            public String target() {
                return "none";
            }

            public List<Contender> contenders() {
                return List.of(new Contender("ours", true, n -> 10, "1 token"),
                        new Contender("theirs", false, n -> 5, "1 token"),
                        new Contender("ours", true, n -> 40, "4 tokens"),
                        new Contender("theirs", false, n -> 80, "4 tokens"));
            }

            public long size(boolean quick) {
                return 1;
            }
        };
        String md = Bench.run(grouped, true).markdown();
        assertTrue(md.contains("| theirs [1 token] | 5.00 | 5.00 | 5.00 | 3 | 2.00x better |"), md);
        assertTrue(md.contains("| theirs [4 tokens] | 80.0 | 80.0 | 80.0 | 3 | 2.00x worse |"), md);
        assertTrue(md.contains("| setting | ours | theirs |"), md);
        assertTrue(md.contains("| 1 token | 10.0 | 5.00 |"), md);
        assertTrue(md.contains("| 4 tokens | 40.0 | 80.0 |"), md);
    }

    @Test
    void aQuickRunLeavesHeavyWorkloadsOutUnlessAFilterNamesThem() {
        assertTrue(Bench.chosen(true, List.of()).stream().noneMatch(Workload::heavy));
        assertTrue(Bench.chosen(false, List.of()).stream().anyMatch(Workload::heavy));
        assertEquals(List.of("live-components"),
                Bench.chosen(true, List.of("live")).stream().map(Workload::name).toList());
    }

    @Test
    void theWorkloadsThatStartJvmsAreMarkedSoThatUnitTestsSkipThem() {
        Set<String> starting = Bench.workloads().stream().filter(Workload::startsJvms).map(Workload::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("process-link-throughput", "process-latency-1m", "process-latency-100k",
                "monte-carlo-pi", "tcp-echo"), starting);
    }

    @Test
    void notesFollowTheTableAndRowsThatAreAllOursAreNotComparedWithEachOther() throws Exception {
        Workload percentiles = new Workload() {
            public String name() {
                return "percentiles";
            }

            public String title() {
                return "p50 and p99";
            }

            public Unit unit() {
                return Unit.MICROSECONDS;
            }

            public String target() {
                return "none";
            }

            public String notes() {
                return "Published: 0.98 s -> 1.57 s.";
            }

            public List<Contender> contenders() {
                return List.of(new Contender("ours p50", true, n -> 5), new Contender("ours p99", true, n -> 50));
            }

            public long size(boolean quick) {
                return 1;
            }
        };
        String md = Bench.run(percentiles, true).markdown();
        assertTrue(md.contains("| ours p99 | 50.0 | 50.0 | 50.0 | 3 |  |"), md);
        assertTrue(md.indexOf("Published: 0.98 s -> 1.57 s.") > md.indexOf("| ours p99 |"), md);
    }

    @Test
    void theMonteCarloWorkerEstimatesPi() {
        long darts = 2_000_000;
        assertEquals(Math.PI, 4.0 * PiStage.hits(darts, 42) / darts, 0.01);
    }
}
