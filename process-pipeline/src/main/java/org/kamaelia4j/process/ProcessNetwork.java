package org.kamaelia4j.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Components in separate JVMs, run as one component in this one: what {@link ProcessPipeline} and
 * {@link ProcessGraphline} have in common.
 *
 * <pre>{@code
 * Collector out = new Collector();
 * new Pipeline(
 *     new DataSource(List.of("a", "b", "c")),
 *     ProcessPipeline.of(Stage.of(() -> new Upper()), Stage.of(() -> new Exclaim())),
 *     out
 * ).run();                                   // out.collected() is ["A!", "B!", "C!"]
 * }</pre>
 *
 * <h2>How it runs</h2>
 * When first scheduled, the network creates a run directory ({@link LinkOptions#baseDirectory()},
 * permissions 0700), one Chronicle queue per link in it, writes each stage's spec there and starts
 * one JVM per stage ({@link StageMain}). Its own boxes are the ends of the links that start or end
 * at {@code self}: what arrives in such an inbox is written to the link's queue while the window
 * allows (otherwise it waits in the inbox, which can be bounded to push back further), and what
 * arrives from a stage is sent on the linked outbox (a refused message is kept until there is
 * room). A watcher thread wakes the network when a queue it reads has data or a queue it writes has
 * room; a stage JVM exiting wakes it at once. An idle network sleeps.
 *
 * <h2>Finishing</h2>
 * Shutdown messages cross JVMs like any message, so {@code ProducerFinished} or
 * {@code ShutdownMicroprocess} travel down a pipeline exactly as in one JVM. Each stage JVM exits
 * with 0 once its component has finished and its output is written; when every stage has exited
 * so and everything they sent to {@code self} has been passed on, the network finishes and removes
 * its run directory. If no link feeds its {@code signal} outbox, it sends on {@code signal} the
 * {@code ShutdownMicroprocess} it was given, or else a {@code ProducerFinished} (as Graphline does).
 *
 * <h2>Failures</h2>
 * A stage JVM that exits with another code (its component threw, it called {@code System.exit},
 * it was killed) is noticed as soon as the JVM is gone. Without a restart policy the network sends
 * {@link ErrorInformation} on {@code signal}, whose exception is a {@link StageFailedException}
 * naming the stage, its pid, exit code, the last lines of its standard error and the run
 * directory, which is kept; it stops the other stages and finishes. With a {@link RestartPolicy}
 * the stage is started again in a fresh JVM, up to the policy's limit.
 *
 * <p>{@link #stop()} is no failure: the stage JVMs are ended, messages still in the links are
 * dropped and the run directory is removed, as after a clean finish.
 *
 * <h2>The delivery guarantee</h2>
 * On every link, messages arrive in the order they were sent, and each sequence number (one per
 * message per link) is delivered at most once. Without failures every message sent is delivered
 * exactly once. When a stage with a restart policy dies and is restarted:
 * <ul>
 *   <li>its new component receives again every message delivered to the old one after the old one's
 *       last checkpoint (a moment when it had consumed everything delivered, written everything it
 *       sent, and every microprocess in its JVM was paused), so no input is lost;</li>
 *   <li>its output is numbered from that checkpoint again, and receivers drop numbers they have
 *       delivered already, so nothing it sent is delivered twice downstream;</li>
 *   <li>so a stage whose output, link by link, is a deterministic function of its input (and
 *       which keeps no state across idle moments that matters) is exactly-once end to end: every
 *       message downstream is delivered exactly once and equals what a run without the failure
 *       would have delivered. For other stages the numbers are still delivered exactly once, but
 *       a message's content after the checkpoint is whichever incarnation's came first.</li>
 * </ul>
 * A restarted stage's state is not restored: its factory builds a fresh component. Components
 * running on their own threads ({@code ThreadedComponent}) look idle to the checkpoint while their
 * thread works, so the guarantee above holds for stages made of scheduler-run components.
 *
 * <h2>Threading</h2>
 * The network is an ordinary component: its slices run on the scheduler it was activated on. The
 * watcher, the stage-exit callbacks and the output-copying threads only wake it.
 */
public abstract sealed class ProcessNetwork extends Component permits ProcessPipeline, ProcessGraphline {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessNetwork.class);
    private static final int BATCH = 256;
    private static final long STOP_GRACE_SECONDS = 5;

    private final NetworkPlan plan;
    private final Map<String, StageRun> runs = new LinkedHashMap<>();
    private final List<Outlet> outlets = new ArrayList<>();
    private final List<String> inletBoxes = new ArrayList<>();
    private Inflow inflow;
    private final ConcurrentLinkedQueue<ChildJvm> exits = new ConcurrentLinkedQueue<>();
    private volatile Path runDirectory;
    private Watcher watcher;
    private ShutdownMicroprocess shutdownReceived;
    private StageFailedException stageFailure;
    private Object lastWord;
    private boolean keepDirectory;

    ProcessNetwork(NetworkPlan plan) {
        super(plan.boxes());
        this.plan = plan;
        plan.stages().forEach((name, stage) -> runs.put(name, new StageRun(name, stage)));
    }

    /** The stage names, in order. */
    public Set<String> stageNames() {
        return plan.stages().keySet();
    }

    /** The name that stands for the network component's own boxes in {@link #links()}. */
    public static final String SELF = LinkSpec.SELF;

    /** A link between JVMs: from box {@code fromBox} of stage {@code from} (or {@link #SELF}) to {@code to}. */
    public record Link(String from, String fromBox, String to, String toBox) {
    }

    /** Every link between JVMs, the implicit {@code control} links included, in plan order. */
    public List<Link> links() {
        return plan.links().stream().map(l -> new Link(l.from(), l.fromBox(), l.to(), l.toBox())).toList();
    }

    /** The run directory, or null before the network started. */
    public Path runDirectory() {
        return runDirectory;
    }

    /**
     * The current JVM of stage {@code name}; empty before it started.
     *
     * @throws IllegalArgumentException when there is no such stage
     */
    public Optional<ProcessHandle> stageProcess(String name) {
        StageRun run = runs.get(name);
        if (run == null) {
            throw new IllegalArgumentException(name() + " has no stage '" + name + "'; its stages are "
                    + stageNames());
        }
        ChildJvm jvm = run.jvm;
        return jvm == null ? Optional.empty() : Optional.of(jvm.process().toHandle());
    }

    @Override
    protected final Step main() {
        try {
            if (runDirectory == null) {
                start();
            }
            watcher.sliceStarting();
            handleExits();
            if (stageFailure != null) {
                return failed();
            }
            boolean progress = pumpIn();
            progress |= pumpOut();
            if (lastWord == null && !progress && allFinished() && drained()) {
                lastWord = plan.signalFromStage() ? Boolean.TRUE
                        : shutdownReceived != null ? shutdownReceived : new ProducerFinished(this, null);
            }
            if (lastWord != null) {
                return sayLastWord();
            }
            return progress ? Step.CONTINUE : pauseWatched();
        } catch (RuntimeException e) {
            keepDirectory = true;
            throw e;
        }
    }

    private void start() {
        Path run = RunDirectory.create(plan.options().baseDirectory());
        runDirectory = run;
        List<LongSupplier> counters = new ArrayList<>();
        List<LinkWriter> writers = new ArrayList<>();
        List<LinkReader> readers = new ArrayList<>();
        for (LinkSpec link : plan.links()) {
            LinkQueues.create(link, run, plan.options());
            if (link.fromSelf()) {
                LinkWriter writer = new LinkWriter(link, run, plan.options(), 0, name());
                outletFor(link.fromBox()).writers.add(writer);
                writers.add(writer);
                counters.add(writer::readerProgress);
            }
            if (link.toSelf()) {
                LinkReader reader = new LinkReader(link, run, plan.options(), 0, -1, true, name());
                readers.add(reader);
                inletBoxes.add(link.toBox());
                counters.add(reader::appends);
            }
        }
        LinkWriter.introduceSiblings(writers);
        inflow = new Inflow(readers);
        watcher = new Watcher(name(), counters, this::unpause).start();
        for (StageRun stageRun : runs.values()) {
            StageSpec spec = new StageSpec(stageRun.name, stageRun.stage, plan.inputsOf(stageRun.name),
                    plan.outputsOf(stageRun.name), plan.options(), run.toString(), ProcessHandle.current().pid());
            spec.writeTo(stageRun.specFile(run));
            launch(stageRun);
        }
    }

    private Outlet outletFor(String box) {
        for (Outlet o : outlets) {
            if (o.box.equals(box)) {
                return o;
            }
        }
        Outlet o = new Outlet(box, new ArrayList<>());
        outlets.add(o);
        return o;
    }

    private void launch(StageRun run) {
        ChildJvm jvm = ChildJvm.launch(run.name, run.stage, run.specFile(runDirectory));
        run.jvm = jvm;
        jvm.process().onExit().thenRun(() -> {
            exits.add(jvm);
            unpause();
        });
    }

    private void handleExits() {
        for (ChildJvm jvm; (jvm = exits.poll()) != null; ) {
            StageRun run = runs.get(jvm.stageName());
            int code = jvm.process().exitValue();
            if (code == 0) {
                run.finished = true;
            } else if (stageFailure == null && run.restartsLeft > 0) {
                run.restartsLeft--;
                LOG.warn("{}: stage '{}' (pid {}) exited with code {}; restarting it ({} restarts left)", name(),
                        run.name, jvm.pid(), code, run.restartsLeft);
                launch(run);
            } else if (stageFailure == null) {
                stageFailure = new StageFailedException(run.name, jvm.pid(), code, jvm.stderrTail(), runDirectory);
            }
        }
    }

    /** Reports the stage failure on signal once, stops the other stages, and finishes. */
    private Step failed() {
        if (lastWord == null) {
            keepDirectory = true;
            LOG.warn("{}: {}", name(), stageFailure.getMessage());
            runs.values().forEach(r -> {
                if (r.jvm != null && r.jvm.process().isAlive()) {
                    r.jvm.destroy();
                }
            });
            lastWord = new ErrorInformation(this, stageFailure, name() + ": " + stageFailure.getMessage());
        }
        return sayLastWord();
    }

    private Step sayLastWord() {
        if (lastWord instanceof Boolean) {
            return Step.DONE;
        }
        try {
            send(lastWord, SIGNAL);
        } catch (BoxFullException full) {
            return pauseWatched();
        }
        return Step.DONE;
    }

    /** Pauses with the watcher armed, or runs again if the links moved while this slice ran. */
    private Step pauseWatched() {
        return watcher.arm() ? Step.PAUSE : Step.CONTINUE;
    }

    /**
     * Writes what arrived in the network's own inboxes to the links they start while windows
     * allow, box by box, stopping at the first box whose window is full, so that a shutdown
     * message on {@code control} never overtakes data still waiting in {@code inbox}. Then flushes
     * every link's batch, so that nothing written waits for the next slice.
     */
    private boolean pumpIn() {
        try {
            return writeIn();
        } finally {
            outlets.forEach(o -> o.writers.forEach(LinkWriter::flush));
        }
    }

    private boolean writeIn() {
        boolean moved = false;
        for (Outlet outlet : outlets) {
            while (dataReady(outlet.box) && outlet.windowOpen()) {
                Object message = recv(outlet.box);
                if (outlet.box.equals(CONTROL) && message instanceof ShutdownMicroprocess shutdown) {
                    shutdownReceived = shutdown;
                }
                for (LinkWriter writer : outlet.writers) {
                    writer.write(message);
                }
                moved = true;
            }
            if (dataReady(outlet.box)) {
                return moved;
            }
        }
        return moved;
    }

    /** Passes on what stages sent to the network's own outboxes; true if anything moved. */
    private boolean pumpOut() {
        return inflow.pump(BATCH, (message, i) -> send(message, inletBoxes.get(i)));
    }

    private boolean allFinished() {
        return runs.values().stream().allMatch(r -> r.finished);
    }

    private boolean drained() {
        return inflow.drained();
    }

    @Override
    protected void closeDownComponent() {
        if (watcher != null) {
            watcher.close();
        }
        for (StageRun run : runs.values()) {
            ChildJvm jvm = run.jvm;
            if (jvm != null) {
                if (jvm.process().isAlive()) {
                    jvm.destroy();
                }
                jvm.awaitExit(STOP_GRACE_SECONDS);
                jvm.awaitOutput();
            }
        }
        outlets.forEach(o -> o.writers.forEach(LinkWriter::close));
        if (inflow != null) {
            inflow.close();
        }
        Path run = runDirectory;
        if (run != null) {
            // Still before this component counts as finished, so isStopped() means stop() was called.
            boolean stoppedOnRequest = lastWord == null && isStopped();
            if (keepDirectory || lastWord == null && !stoppedOnRequest) {
                LOG.warn("{} did not finish cleanly; its queues are kept in {}", name(), run);
            } else {
                if (stoppedOnRequest) {
                    LOG.info("{} was stopped: its stage JVMs were ended and its queues in {} removed", name(), run);
                }
                RunDirectory.delete(run);
            }
        }
    }

    /** One stage: its current JVM and how often it may still be restarted. */
    private static final class StageRun {
        final String name;
        final Stage stage;
        volatile ChildJvm jvm;
        int restartsLeft;
        boolean finished;

        StageRun(String name, Stage stage) {
            this.name = name;
            this.stage = stage;
            this.restartsLeft = stage.restartPolicy().maxRestarts();
        }

        Path specFile(Path run) {
            return run.resolve("stage-" + name + ".spec");
        }
    }

    /** One of the network's inboxes and the links it starts. */
    private record Outlet(String box, List<LinkWriter> writers) {
        boolean windowOpen() {
            for (LinkWriter w : writers) {
                if (!w.windowOpen()) {
                    return false;
                }
            }
            return true;
        }
    }
}
