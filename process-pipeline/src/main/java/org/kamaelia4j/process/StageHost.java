package org.kamaelia4j.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Microprocess;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;

/**
 * Runs a stage's component in a stage JVM and bridges every one of its boxes that is linked to
 * another JVM: the stage's end of the links.
 *
 * <p>The host is the stage component's parent on a one-worker scheduler. Each outbox of the stage
 * that leaves the JVM is linked to a host inbox bounded to {@value #OUTBOX_ROOM} messages; the host
 * writes what arrives there to the link's queue while the link's window allows, so when the
 * consumer lags the host inbox fills and the stage sees {@code BoxFullException}, as with a full
 * inbox in one JVM. Each input link has a host outbox linked to the stage's inbox; the host reads
 * the queue and sends, keeping a refused message until the inbox has room. The stage's
 * {@code signal} always comes to the host, which recognises the stage's own
 * {@code ErrorInformation} as its death. The host finishes when the stage has finished and all
 * its output is written.
 *
 * <h2>Checkpoints</h2>
 * For a restartable stage the host feeds the stage a batch, then waits until the JVM is idle:
 * every other microprocess paused and all output written. That is a consistent cut (everything
 * delivered was consumed, everything produced was written), which it saves as a {@link Checkpoint}
 * before feeding the next batch. The one-worker scheduler makes the cut exact: the host's slice
 * never overlaps the stage's.
 */
final class StageHost extends Component {

    private static final int OUTBOX_ROOM = 256;
    private static final int BATCH = 256;
    private static final String STAGE_SIGNAL = "stageSignal";

    private final StageSpec spec;
    private final Component stage;
    private final List<LinkWriter> writers = new ArrayList<>();
    /** The host's box names by link index, made once: the pumps use them for every batch. */
    private final String[] outBoxes;
    private final String[] inBoxes;
    private final Inflow inflow;
    private final Checkpoint checkpoint;
    private final boolean signalCrosses;
    private final String who;
    private Watcher watcher;
    private boolean wired;
    private boolean checkpointDue;
    private volatile Throwable failure;

    StageHost(StageSpec spec, Component stage) {
        super(boxes(spec));
        this.spec = spec;
        this.stage = stage;
        this.who = "stage '" + spec.stageName() + "'";
        this.signalCrosses = spec.outputs().stream().anyMatch(l -> l.fromBox().equals(SIGNAL));
        boolean restartable = spec.stage().restartPolicy().restarts();
        this.checkpoint = restartable
                ? new Checkpoint(spec.checkpointFile(), spec.inputs().size(), spec.outputs().size()) : null;
        Checkpoint.Position from = restartable ? checkpoint.load()
                : Checkpoint.Position.fresh(spec.inputs().size(), spec.outputs().size());
        for (int j = 0; j < spec.outputs().size(); j++) {
            writers.add(new LinkWriter(spec.outputs().get(j), spec.run(), spec.options(), from.outputSeq()[j], who));
        }
        LinkWriter.introduceSiblings(writers);
        List<LinkReader> readers = new ArrayList<>();
        for (int i = 0; i < spec.inputs().size(); i++) {
            readers.add(new LinkReader(spec.inputs().get(i), spec.run(), spec.options(), from.inputSeq()[i],
                    from.inputIndex()[i], !restartable, who));
        }
        this.inflow = new Inflow(readers);
        this.outBoxes = new String[spec.outputs().size()];
        Arrays.setAll(outBoxes, StageHost::outName);
        this.inBoxes = new String[spec.inputs().size()];
        Arrays.setAll(inBoxes, StageHost::inName);
    }

    private static Boxes boxes(StageSpec spec) {
        Boxes.Builder b = Boxes.builder();
        for (int j = 0; j < spec.outputs().size(); j++) {
            LinkSpec l = spec.outputs().get(j);
            b.inbox(outName(j), "what the stage sends on '" + l.fromBox() + "', for link " + l);
        }
        b.inbox(STAGE_SIGNAL, "the stage's signal when it leads nowhere else: watched for the stage's failure");
        for (int i = 0; i < spec.inputs().size(); i++) {
            LinkSpec l = spec.inputs().get(i);
            b.outbox(inName(i), "messages from link " + l + " for the stage's inbox '" + l.toBox() + "'");
        }
        return b.build();
    }

    private static String outName(int j) {
        return "out" + j;
    }

    private static String inName(int i) {
        return "in" + i;
    }

    /** What made the stage fail (its own exception, or an encoding failure), or null. */
    Throwable failure() {
        return failure;
    }

    @Override
    protected Step main() {
        if (!wired) {
            wired = true;
            wire();
        }
        watcher.sliceStarting();
        try {
            boolean progress = pumpOut();
            if (failure != null) {
                return Step.DONE;
            }
            if (checkpointDue) {
                if (!idle()) {
                    return othersRunning() ? Step.CONTINUE : pauseWatched();
                }
                saveCheckpoint();
            }
            progress |= pumpIn();
            if (stage.isStopped() && outputWritten()) {
                inflow.closeReaders();
                return Step.DONE;
            }
            return progress ? Step.CONTINUE : pauseWatched();
        } catch (RuntimeException e) {
            failure = e;
            return Step.DONE;
        }
    }

    /** Pauses with the watcher armed, or runs again if the links moved while this slice ran. */
    private Step pauseWatched() {
        return watcher.arm() ? Step.PAUSE : Step.CONTINUE;
    }

    private void wire() {
        for (int j = 0; j < spec.outputs().size(); j++) {
            link(stage, spec.outputs().get(j).fromBox(), this, outName(j));
            setInboxSize(outName(j), OUTBOX_ROOM);
        }
        if (!signalCrosses) {
            link(stage, SIGNAL, this, STAGE_SIGNAL);
        }
        for (int i = 0; i < spec.inputs().size(); i++) {
            link(this, inName(i), stage, spec.inputs().get(i).toBox());
        }
        List<LongSupplier> counters = new ArrayList<>();
        inflow.readers().forEach(r -> counters.add(r::appends));
        writers.forEach(w -> counters.add(w::readerProgress));
        watcher = new Watcher(spec.stageName(), counters, this::unpause).start();
        addChildren(stage);
        stage.activate(scheduler());
    }

    /**
     * Writes what the stage sent while the windows allow, box by box in link order, stopping at the
     * first box whose window is full: a later box (such as {@code signal}) must not overtake what
     * an earlier one (such as {@code outbox}) still holds. Then flushes every link's batch, so that
     * nothing written waits for the next slice. True if anything moved.
     */
    private boolean pumpOut() {
        try {
            return writeOut();
        } finally {
            writers.forEach(LinkWriter::flush);
        }
    }

    private boolean writeOut() {
        boolean moved = false;
        while (dataReady(STAGE_SIGNAL)) {
            isStageFailure(recv(STAGE_SIGNAL));
        }
        for (int j = 0; j < writers.size(); j++) {
            LinkWriter writer = writers.get(j);
            String box = outBoxes[j];
            while (dataReady(box) && writer.windowOpen()) {
                Object message = recv(box);
                if (isStageFailure(message)) {
                    return moved;
                }
                writer.write(message);
                moved = true;
            }
            if (dataReady(box)) {
                return moved;
            }
        }
        return moved;
    }

    private boolean isStageFailure(Object message) {
        if (message instanceof ErrorInformation err && err.caller() == stage) {
            failure = err.exception() != null ? err.exception() : new IllegalStateException(err.message());
            return true;
        }
        return false;
    }

    /** Hands queued input to the stage, a batch at most per link; true if anything moved. */
    private boolean pumpIn() {
        boolean moved = inflow.pump(BATCH, (message, i) -> send(message, inBoxes[i]));
        checkpointDue = moved && checkpoint != null;
        return moved;
    }

    private boolean outputWritten() {
        for (int j = 0; j < writers.size(); j++) {
            if (dataReady(outBoxes[j])) {
                return false;
            }
        }
        return true;
    }

    /** The consistent cut: all output written and every other microprocess paused. */
    private boolean idle() {
        return outputWritten() && !othersRunning();
    }

    private boolean othersRunning() {
        for (Microprocess mp : scheduler().microprocesses()) {
            if (mp != this && !scheduler().isPaused(mp)) {
                return true;
            }
        }
        return false;
    }

    private void saveCheckpoint() {
        List<LinkReader> readers = inflow.readers();
        long[] inSeq = new long[readers.size()];
        long[] inIndex = new long[readers.size()];
        long[] outSeq = new long[writers.size()];
        for (int i = 0; i < readers.size(); i++) {
            inSeq[i] = readers.get(i).deliveredSeq();
            inIndex[i] = readers.get(i).deliveredIndex();
        }
        for (int j = 0; j < writers.size(); j++) {
            outSeq[j] = writers.get(j).lastSeq();
        }
        checkpoint.save(inSeq, inIndex, outSeq);
        for (int i = 0; i < readers.size(); i++) {
            readers.get(i).releaseUpTo(inIndex[i]);
        }
        checkpointDue = false;
    }

    @Override
    protected void closeDownComponent() {
        if (watcher != null) {
            watcher.close();
        }
        writers.forEach(LinkWriter::close);
        inflow.close();
    }
}
