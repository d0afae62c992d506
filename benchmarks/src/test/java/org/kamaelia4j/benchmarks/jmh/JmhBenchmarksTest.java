package org.kamaelia4j.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.stm.Value;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * JMH's annotation processor ran (the build lists every benchmark), and each benchmark does its
 * work when called once by hand. JMH itself is never run here.
 */
@Timeout(60)
class JmhBenchmarksTest {

    @Test
    void benchmarkListNamesEveryBenchmarkMethodOfTheRunner() {
        Set<String> expected = JmhRunner.BENCHMARKS.stream()
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Benchmark.class))
                        .map(m -> c.getName() + "." + m.getName()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = new TreeSet<>(JmhRunner.listed(""));
        assertEquals(Set.of(
                "org.kamaelia4j.benchmarks.jmh.GeneratorResumeBenchmark.generatorYield",
                "org.kamaelia4j.benchmarks.jmh.GeneratorResumeBenchmark.plainSlice",
                "org.kamaelia4j.benchmarks.jmh.GeneratorResumeBenchmark.rawContinuation",
                "org.kamaelia4j.benchmarks.jmh.InboxBenchmark.sendAndReceive",
                "org.kamaelia4j.benchmarks.jmh.StoreCommitBenchmark.incrementAndCommit"), expected);
        assertEquals(expected, listed);
        assertEquals(List.of("org.kamaelia4j.benchmarks.jmh.InboxBenchmark.sendAndReceive"),
                JmhRunner.listed(JmhRunner.class.getPackageName() + ".*Inbox"));
    }

    @Test
    void generatorBenchmarksRunTheirBatchAndTheRawContinuationResumes() {
        GeneratorResumeBenchmark b = new GeneratorResumeBenchmark();
        b.setUp();
        for (int i = 0; i < 3; i++) {
            b.rawContinuation();
        }
        b.generatorYield();
        b.plainSlice();
    }

    @Test
    void inboxBenchmarkGetsBackWhatItSent() {
        InboxBenchmark b = new InboxBenchmark();
        b.setUp();
        assertEquals(42, b.sendAndReceive());
        assertEquals(42, b.sendAndReceive());
    }

    @Test
    void storeBenchmarkCommitsOneIncrementPerCall() {
        StoreCommitBenchmark b = new StoreCommitBenchmark();
        b.setUp();
        b.incrementAndCommit();
        Value<Long> v = b.incrementAndCommit();
        assertEquals(2L, v.get());
    }
}
