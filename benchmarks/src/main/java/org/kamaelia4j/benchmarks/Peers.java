package org.kamaelia4j.benchmarks;

import java.util.List;
import java.util.concurrent.ThreadFactory;

import org.apache.pekko.actor.ActorSystem;

import com.typesafe.config.ConfigFactory;

/**
 * What the baselines share: one Pekko actor system for the whole run, and starting and joining
 * a batch of threads.
 *
 * <pre>{@code
 * ActorRef a = Peers.pekko().actorOf(Props.create(...).withDispatcher(Peers.ONE_THREAD));
 * Peers.startAndJoin(Thread.ofVirtual().factory(), List.of(ping, pong));
 * }</pre>
 *
 * <p>The actor system keeps Pekko's default dispatcher as shipped (a fork-join pool of at least
 * eight threads) and adds {@link #ONE_THREAD}, a dispatcher with a single thread, for workloads
 * that Kamaelia4J runs on one worker. Its threads are daemons, so that the runner can exit
 * without terminating it. Pekko's own logging is limited to warnings and dead letters are not
 * logged: a benchmark that stops actors with messages still in flight would otherwise flood the
 * output.
 */
final class Peers {

    /** The id of the single-threaded Pekko dispatcher. */
    static final String ONE_THREAD = "k4j-one-thread";

    private static ActorSystem pekko;

    private Peers() {
    }

    /** The run's actor system, started on first use. */
    static synchronized ActorSystem pekko() {
        if (pekko == null) {
            pekko = ActorSystem.create("k4j-bench", ConfigFactory.parseString("""
                    pekko.daemonic = on
                    pekko.loglevel = WARNING
                    pekko.stdout-loglevel = WARNING
                    pekko.log-dead-letters = off
                    pekko.log-dead-letters-during-shutdown = off
                    %s {
                      type = Dispatcher
                      executor = "thread-pool-executor"
                      thread-pool-executor.fixed-pool-size = 1
                    }
                    """.formatted(ONE_THREAD)).withFallback(ConfigFactory.load()));
        }
        return pekko;
    }

    /** Starts one thread per task from {@code factory} and waits for all of them. */
    static void startAndJoin(ThreadFactory factory, List<? extends Runnable> tasks) throws InterruptedException {
        List<Thread> threads = tasks.stream().map(factory::newThread).toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    /** A task whose interruption just ends it: benchmark threads are never interrupted. */
    @FunctionalInterface
    interface Blocking {
        void run() throws InterruptedException;

        /** As a Runnable that ends quietly if interrupted. */
        static Runnable quietly(Blocking task) {
            return () -> {
                try {
                    task.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        }
    }
}
