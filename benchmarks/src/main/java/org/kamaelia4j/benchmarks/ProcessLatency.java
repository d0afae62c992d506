package org.kamaelia4j.benchmarks;

import java.util.List;
import java.util.Locale;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.process.ProcessPipeline;
import org.kamaelia4j.process.Stage;

/**
 * One-way latency across a ProcessPipeline link at a paced rate, in microseconds: a stage JVM
 * sends {@code nanoTime} stamps at the rate ({@link PacedStamps}) to the parent JVM
 * ({@link LatencySink}), which records arrival minus stamp; p50 and p99 over the stamps after a
 * warm-up fifth. The stage is the sender so that pacing starts only once its JVM runs, and the
 * parent, which is up first, is already reading.
 */
final class ProcessLatency implements Workload {

    private final long perSecond;

    /** @param perSecond the paced rate, messages per second */
    ProcessLatency(long perSecond) {
        this.perSecond = perSecond;
    }

    @Override
    public String name() {
        return "process-latency-" + (perSecond >= 1_000_000 ? perSecond / 1_000_000 + "m" : perSecond / 1_000 + "k");
    }

    @Override
    public String title() {
        return String.format(Locale.ROOT, "ProcessPipeline: one-way latency stage JVM -> parent at %,d messages/s",
                perSecond);
    }

    @Override
    public Unit unit() {
        return Unit.MICROSECONDS;
    }

    @Override
    public String target() {
        return "p50 and p99 reported (no numeric target in the issue); lower is better";
    }

    @Override
    public boolean startsJvms() {
        return true;
    }

    /** Messages per run: a fraction of a second at the rate in the quick run, a few seconds in the full one. */
    @Override
    public long size(boolean quick) {
        return quick ? perSecond / 4 : perSecond * 3;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J p50", true, n -> percentile(n, 0.50)),
                new Contender("Kamaelia4J p99", true, n -> percentile(n, 0.99)));
    }

    private double percentile(long n, double fraction) {
        long warmUp = n / 5;
        LatencySink sink = new LatencySink((int) (n - warmUp));
        long rate = perSecond;
        new Pipeline(ProcessPipeline.of(
                Stage.of(() -> new PacedStamps(rate, n, warmUp)).jvmOptions(ProcessLinkThroughput.STAGE_JVM)), sink)
                .run();
        return sink.percentileMicros(fraction);
    }
}
