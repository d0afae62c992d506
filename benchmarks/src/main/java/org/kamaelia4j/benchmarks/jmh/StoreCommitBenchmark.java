package org.kamaelia4j.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import org.kamaelia4j.stm.Store;
import org.kamaelia4j.stm.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One uncontended single-key STM transaction on one thread: take a copy with {@code usevar},
 * change it, {@code commit}. The {@code stm-commit-latency} workload of {@code ./k4j bench}
 * measures the same against a {@code synchronized} store and ScalaSTM.
 *
 * <pre>
 * ./k4j bench jmh StoreCommit
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class StoreCommitBenchmark {

    private static final String KEY = "counter";
    private Store store;

    /** A store holding the key, so that every transaction updates an existing value. */
    @Setup
    public void setUp() {
        store = new Store();
        Value<Long> v = store.usevar(KEY);
        v.set(0L);
        v.commit();
    }

    /** {@code counter += 1} as one transaction; never contended, so it never retries. */
    @Benchmark
    public Value<Long> incrementAndCommit() {
        Value<Long> v = store.usevar(KEY);
        v.set(v.get() + 1);
        v.commit();
        return v;
    }
}
