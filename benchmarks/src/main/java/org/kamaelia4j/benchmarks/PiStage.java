package org.kamaelia4j.benchmarks;

import org.kamaelia4j.axon.ThreadedComponent;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.examples.MonteCarloPi;

/**
 * One worker of the Monte Carlo PI workload, as a stage of a ProcessPipeline: on a job
 * ({@code "job:SAMPLES:WORKERS"}) it first passes the job on, so that the next stage starts at
 * once, then throws its share of darts ({@code SAMPLES / WORKERS}) and sends
 * {@code "pi:HITS:DARTS"}. Anything else (a result from an earlier stage, the warm-up probe) passes
 * through unchanged. It finishes on a shutdown message once its inbox is empty.
 */
final class PiStage extends ThreadedComponent {

    static final String JOB = "job:";
    static final String RESULT = "pi:";

    @Override
    protected void threadMain() {
        while (!isStopped()) {
            if (dataReady()) {
                Object m = recv();
                send(m);
                if (m instanceof String s && s.startsWith(JOB)) {
                    String[] parts = s.split(":");
                    long darts = Long.parseLong(parts[1]) / Integer.parseInt(parts[2]);
                    send(RESULT + hits(darts, System.nanoTime()) + ":" + darts);
                }
            } else if (dataReady(CONTROL)) {
                Object m = recv(CONTROL);
                if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
                    send(m, SIGNAL);
                    return;
                }
            } else {
                pause();
            }
        }
    }

    /** How many of {@code darts} random points of the unit square fall inside the quarter circle. */
    static long hits(long darts, long seed) {
        return new MonteCarloPi.Chunk(0, seed, darts).compute().inside();
    }
}
