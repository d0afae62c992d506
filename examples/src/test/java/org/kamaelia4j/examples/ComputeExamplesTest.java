package org.kamaelia4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Scheduler;

/** The compute-bound examples at small sizes: Monte Carlo PI and the prime sieve. */
class ComputeExamplesTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void monteCarloPiPrintsThePapersTableAndOneEstimate() {
        // the JVM column is left out here: DemoTest runs the same farm on stage JVMs
        List<String> out = Output.lines(o -> MonteCarloPi.run(o, "--samples", "400_000", "--chunks", "8",
                "--workers", "2", "--threads-only"));
        assertTrue(Output.line(out, "workers").contains("PyCSP threads"), out.toString());
        String one = Output.line(out, "1 ");
        assertTrue(one.contains("0.98s") && one.contains("1.01s") && one.endsWith("-"), one);
        String two = Output.line(out, "2 ");
        assertTrue(two.contains("1.52s") && two.contains("0.57s"), two);
        String estimate = Output.line(out, "every run estimated pi = ");
        double pi = Double.parseDouble(estimate.substring("every run estimated pi = ".length()).split(" ")[0]);
        assertEquals(Math.PI, pi, 0.02, estimate);
    }

    @Test
    void monteCarloChunksAreDeterministicAndCoverEverySample() {
        List<MonteCarloPi.Chunk> chunks = MonteCarloPi.chunks(1003, 10);
        assertEquals(1003, chunks.stream().mapToLong(MonteCarloPi.Chunk::samples).sum());
        assertEquals(chunks, MonteCarloPi.chunks(1003, 10));
        List<MonteCarloPi.Hits> hits = chunks.stream().map(MonteCarloPi.Chunk::compute).toList();
        assertEquals(hits, MonteCarloPi.chunks(1003, 10).stream().map(MonteCarloPi.Chunk::compute).toList());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFarmOnThreadsReturnsEveryResultOnce() {
        Farm.Run<MonteCarloPi.Hits> run = Farm.inProcess(3).run(MonteCarloPi.chunks(70_000, 7), null);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6),
                run.results().stream().map(MonteCarloPi.Hits::index).sorted().toList());
        assertEquals(MonteCarloPi.inside(MonteCarloPi.chunks(70_000, 7).stream().map(MonteCarloPi.Chunk::compute)
                .toList()), MonteCarloPi.inside(run.results()));
    }

    /** A task that fails when its index is 3. */
    record Fragile(int index) implements FarmTask<Integer> {
        @Override
        public Integer compute() {
            if (index == 3) {
                throw new ArithmeticException("task 3 fails");
            }
            return index;
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2, 3})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailingTaskEndsTheFarmWithAnExceptionInsteadOfAHang(int workers) {
        List<Fragile> tasks = List.of(new Fragile(0), new Fragile(1), new Fragile(2), new Fragile(3), new Fragile(4));
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> Farm.inProcess(workers).run(tasks, null));
        assertTrue(failed.getMessage().contains("worker thread"), failed.getMessage());
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theComponentSieveFindsThePrimesWithOneFilterEachAllLiveAtOnce(int workers) {
        Sieve.Result r = Sieve.primes(300, Scheduler.create(workers));
        assertEquals(Sieve.eratosthenes(300), r.primes());
        assertEquals(1987, r.primes().get(299));
        assertTrue(r.liveAtPeak() >= 300, "all 300 filters live when the last started: " + r.liveAtPeak());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sievePrintsItsCheck() {
        List<String> out = Output.lines(o -> Sieve.run(o, "--primes", "200"));
        assertEquals("primes check: OK (same as a sieve of Eratosthenes)", out.get(out.size() - 1));
        assertTrue(Output.line(out, "found 200 primes, the last 1,223").contains("200 filter components"),
                out.toString());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tokenRingPrintsNanosecondsPerHopForEverySizeAndTokenCount() {
        List<String> out = Output.lines(o -> TokenRing.run(o, "--sizes", "10/1000", "--tokens", "1/5/63", "--hops",
                "20_000", "--workers", "2"));
        for (String row : List.of("10 ", "1,000 ", "1 ", "5 ", "63 ")) {
            String line = out.stream().filter(l -> l.strip().startsWith(row)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + row + " in " + out));
            double nsPerHop = Double.parseDouble(line.strip().split("\\s+")[2]);
            assertTrue(nsPerHop > 0, line);
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tokensMakeExactlyTheirHopsAndTheRingShutsDown(int workers) {
        assertTrue(TokenRing.time(7, 3, 3_000, workers) > 0);     // returns only once the ring has finished
        assertThrows(IllegalArgumentException.class, () -> TokenRing.time(4, 5, 100, workers));
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void commsTimeCountsItsCyclesInOrderAndFinishes(int workers) {
        List<String> out = Output.lines(o -> CommsTime.run(o, "--cycles", "5000", "--workers",
                String.valueOf(workers)));
        assertTrue(Output.line(out, "CommsTime").contains("5,000 cycles"), out.toString());
        assertTrue(out.get(1).contains("us per cycle"), out.toString());
    }

    @Test
    void badOptionsAreRefusedNamingWhatExists() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Sieve.run(System.out, "--primez", "3"));
        assertTrue(unknown.getMessage().contains("sieve") && unknown.getMessage().contains("--primes VALUE"),
                unknown.getMessage());
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> Sieve.run(System.out, "--primes", "many"));
        assertTrue(notANumber.getMessage().contains("'many'"), notANumber.getMessage());
    }
}
