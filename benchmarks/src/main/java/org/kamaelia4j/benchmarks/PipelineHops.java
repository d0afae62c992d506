package org.kamaelia4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Instrumentation;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.tools.Introspection;
import org.kamaelia4j.tools.IntrospectionServer;
import org.kamaelia4j.tools.Options;

/**
 * Source -> 10 pass-through stages -> sink on one worker: message hops per second, against the
 * same chain of threads joined by {@code ArrayBlockingQueue(1024)}s (virtual threads, then
 * platform threads).
 *
 * <p>A hop is one message moving from one stage to the next: {@code messages * 11} hops per run.
 * The Kamaelia4J contenders use plain components on one and on two workers, and on one worker with
 * an introspection server watching (the cost of introspection); the source sends
 * up to 64 messages per slice, each pass-through forwards all it holds per slice.
 */
final class PipelineHops implements Workload {

    private static final int STAGES = 10;
    private static final int HOPS = STAGES + 1;
    private static final Long END = Long.MIN_VALUE;

    @Override
    public String name() {
        return "pipeline-hops";
    }

    @Override
    public String title() {
        return "Pipeline: source -> 10 pass-through -> sink, one worker; million message hops per second";
    }

    @Override
    public Unit unit() {
        return Unit.MILLION_PER_SECOND;
    }

    @Override
    public String target() {
        return ">= 100 million hops/s, ahead of virtual threads + ArrayBlockingQueue(1024)";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 2_000_000 : 10_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J, 1 worker", true, n -> kamaelia(n, 1)),
                new Contender("Kamaelia4J, 1 worker, introspection on", false, n -> introspected(n)),
                new Contender("Kamaelia4J, 2 workers", false, n -> kamaelia(n, 2)),
                new Contender("virtual threads + ArrayBlockingQueue(1024)", false,
                        n -> threads(n, Thread.ofVirtual().factory())),
                new Contender("platform threads + ArrayBlockingQueue(1024)", false,
                        n -> threads(n, Thread.ofPlatform().factory())));
    }

    private static double kamaelia(long messages, int workers) {
        return kamaelia(messages, Scheduler.create(workers));
    }

    /**
     * One worker with an introspection server watching (read-only, no client): every component
     * counts its slices and samples its busy time, the registry hears every activation and link,
     * and the server samples inbox rates once a second.
     */
    private static double introspected(long messages) {
        Scheduler s = Scheduler.create(1);
        IntrospectionServer server = Introspection.serve(s, Options.defaults());
        try {
            return kamaelia(messages, s);
        } finally {
            server.close();
            Instrumentation.disable();
        }
    }

    private static double kamaelia(long messages, Scheduler s) {
        Sink sink = new Sink();
        List<Component> chain = new ArrayList<>();
        chain.add(new Source(messages));
        for (int i = 0; i < STAGES; i++) {
            chain.add(new Relay());
        }
        chain.add(sink);
        new Pipeline(chain.toArray(Component[]::new)).activate(s);
        long start = System.nanoTime();
        s.run();
        long elapsed = System.nanoTime() - start;
        check(sink.received, messages);
        return rate(messages, elapsed);
    }

    private static double threads(long messages, ThreadFactory factory) throws InterruptedException {
        List<BlockingQueue<Long>> queues = new ArrayList<>();
        for (int i = 0; i < HOPS; i++) {
            queues.add(new ArrayBlockingQueue<>(1024));
        }
        long[] received = new long[1];
        List<Thread> threads = new ArrayList<>();
        threads.add(factory.newThread(() -> {
            try {
                for (long i = 0; i < messages; i++) {
                    queues.get(0).put(i);
                }
                queues.get(0).put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        for (int i = 0; i < STAGES; i++) {
            BlockingQueue<Long> in = queues.get(i);
            BlockingQueue<Long> out = queues.get(i + 1);
            threads.add(factory.newThread(() -> {
                try {
                    Long m;
                    do {
                        m = in.take();
                        out.put(m);
                    } while (!m.equals(END));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        BlockingQueue<Long> last = queues.get(HOPS - 1);
        threads.add(factory.newThread(() -> {
            try {
                while (!last.take().equals(END)) {
                    received[0]++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        check(received[0], messages);
        return rate(messages, elapsed);
    }

    private static double rate(long messages, long elapsedNanos) {
        return messages * HOPS * 1e3 / elapsedNanos;
    }

    private static void check(long received, long sent) {
        if (received != sent) {
            throw new IllegalStateException("the sink received " + received + " of " + sent + " messages");
        }
    }

    /** Sends 0..n-1, up to 64 per slice, then ProducerFinished. */
    private static final class Source extends Component {
        private final long n;
        private long next;

        Source(long n) {
            this.n = n;
        }

        @Override
        protected Step main() {
            for (int i = 0; i < 64 && next < n; i++) {
                send(next++);
            }
            if (next < n) {
                return Step.CONTINUE;
            }
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
    }

    /** Forwards everything it holds; passes the shutdown message on. */
    private static final class Relay extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                send(recv());
            }
            if (dataReady(CONTROL)) {
                send(recv(CONTROL), SIGNAL);
                return Step.DONE;
            }
            return Step.PAUSE;
        }
    }

    /** Counts what arrives; finishes on the shutdown message. */
    private static final class Sink extends Component {
        long received;

        @Override
        protected Step main() {
            while (dataReady()) {
                recv();
                received++;
            }
            return dataReady(CONTROL) ? Step.DONE : Step.PAUSE;
        }
    }
}
