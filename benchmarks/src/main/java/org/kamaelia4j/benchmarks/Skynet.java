package org.kamaelia4j.benchmarks;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;

/**
 * The skynet benchmark: a tree in which every node spawns ten children, down to one leaf per
 * number {@code 0 .. size-1}; each leaf sends its number up and each node sends up the sum of
 * its children. Milliseconds for the whole tree (1,111,111 nodes for a million leaves), checked
 * against the sum {@code size * (size - 1) / 2} (499,999,500,000 for a million).
 *
 * <p>In Kamaelia4J a node is a component that makes its children with {@code addChildren},
 * links each child's outbox to its own inbox and activates them on its own scheduler; it sums
 * what arrives and finishes once all ten children have. Baselines: a virtual thread per node with
 * an {@code ArrayBlockingQueue(10)} per parent, and a Pekko actor per node (children made with
 * {@code getContext().actorOf}, replies to the parent). Thread-per-node baselines on platform
 * threads and JCSP (which runs every process on a platform thread) would need a million OS
 * threads and are left out.
 */
final class Skynet implements Workload {

    private static final int FAN_OUT = 10;

    @Override
    public String name() {
        return "skynet";
    }

    @Override
    public String title() {
        return "Skynet: a tree of ten-child nodes over `size` leaves summing their numbers; ms for the whole tree";
    }

    @Override
    public Unit unit() {
        return Unit.MILLISECONDS;
    }

    @Override
    public String target() {
        return "< 500 ms for 1,000,000 leaves, and ahead of every baseline";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 100_000 : 1_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J, 1 worker", true, n -> timed(n, () -> kamaelia(n, 1))),
                new Contender("Kamaelia4J, 2 workers", false, n -> timed(n, () -> kamaelia(n, 2))),
                new Contender("virtual threads + ArrayBlockingQueue(10)", false, n -> timed(n, () -> virtual(n))),
                new Contender("Pekko actors, default dispatcher", false, n -> timed(n, () -> pekko(n))));
    }

    /** The sum a tree over {@code leaves} leaves must deliver. */
    static long expected(long leaves) {
        return leaves * (leaves - 1) / 2;
    }

    private static double timed(long leaves, Job job) throws Exception {
        if (leaves < 1 || !isPowerOfTen(leaves)) {
            throw new IllegalArgumentException("skynet needs a power of ten of leaves, not " + leaves);
        }
        long start = System.nanoTime();
        long sum = job.run();
        double millis = (System.nanoTime() - start) / 1e6;
        if (sum != expected(leaves)) {
            throw new IllegalStateException("skynet over " + leaves + " leaves summed to " + sum + ", not "
                    + expected(leaves));
        }
        return millis;
    }

    private static boolean isPowerOfTen(long n) {
        while (n % FAN_OUT == 0) {
            n /= FAN_OUT;
        }
        return n == 1;
    }

    /** One skynet run; returns the root's sum. */
    @FunctionalInterface
    private interface Job {
        long run() throws Exception;
    }

    static long kamaelia(long leaves, int workers) {
        Scheduler s = Scheduler.create(workers);
        Node root = new Node(0, leaves);
        root.activate(s);
        s.run();
        return root.sum;
    }

    static long virtual(long leaves) throws InterruptedException {
        BlockingQueue<Long> result = new ArrayBlockingQueue<>(1);
        Thread.ofVirtual().start(Peers.Blocking.quietly(() -> virtualNode(0, leaves, result)));
        return result.take();
    }

    private static void virtualNode(long first, long leaves, BlockingQueue<Long> parent) throws InterruptedException {
        if (leaves == 1) {
            parent.put(first);
            return;
        }
        BlockingQueue<Long> mine = new ArrayBlockingQueue<>(FAN_OUT);
        long share = leaves / FAN_OUT;
        for (int i = 0; i < FAN_OUT; i++) {
            long childFirst = first + i * share;
            Thread.ofVirtual().start(Peers.Blocking.quietly(() -> virtualNode(childFirst, share, mine)));
        }
        long sum = 0;
        for (int i = 0; i < FAN_OUT; i++) {
            sum += mine.take();
        }
        parent.put(sum);
    }

    static long pekko(long leaves) throws Exception {
        CompletableFuture<Long> result = new CompletableFuture<>();
        Peers.pekko().actorOf(Props.create(PekkoNode.class, () -> new PekkoNode(0, leaves, result)));
        return result.get(10, TimeUnit.MINUTES);
    }

    /** A skynet node as a component; a leaf sends its number, an inner node the sum of its children. */
    private static final class Node extends Component {
        private final long first;
        private final long leaves;
        private boolean spawned;
        private int heard;
        long sum;

        Node(long first, long leaves) {
            this.first = first;
            this.leaves = leaves;
        }

        @Override
        protected Step main() {
            if (leaves == 1) {
                sum = first;
                send(first);
                return Step.DONE;
            }
            if (!spawned) {
                spawned = true;
                long share = leaves / FAN_OUT;
                Node[] children = new Node[FAN_OUT];
                for (int i = 0; i < FAN_OUT; i++) {
                    children[i] = new Node(first + i * share, share);
                    link(children[i], OUTBOX, this, INBOX);
                }
                addChildren(children);
                for (Node child : children) {
                    child.activate(scheduler());
                }
                return Step.PAUSE;
            }
            while (dataReady()) {
                sum += this.<Long>recv();
                heard++;
            }
            if (heard == FAN_OUT && childrenDone()) {
                send(sum);
                return Step.DONE;
            }
            return Step.PAUSE;
        }
    }

    /** A skynet node as an actor: makes its children when started, replies to its parent or the future. */
    static final class PekkoNode extends AbstractActor {
        private final long first;
        private final long leaves;
        private final CompletableFuture<Long> root;
        private int heard;
        private long sum;

        PekkoNode(long first, long leaves, CompletableFuture<Long> root) {
            this.first = first;
            this.leaves = leaves;
            this.root = root;
        }

        @Override
        public void preStart() {
            if (leaves == 1) {
                reply(first);
                return;
            }
            long share = leaves / FAN_OUT;
            for (int i = 0; i < FAN_OUT; i++) {
                long childFirst = first + i * share;
                getContext().actorOf(Props.create(PekkoNode.class, () -> new PekkoNode(childFirst, share, null)));
            }
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().match(Long.class, n -> {
                sum += n;
                if (++heard == FAN_OUT) {
                    reply(sum);
                }
            }).build();
        }

        private void reply(long value) {
            if (root != null) {
                root.complete(value);
            } else {
                getContext().getParent().tell(value, ActorRef.noSender());
            }
            getContext().stop(getSelf());
        }
    }
}
