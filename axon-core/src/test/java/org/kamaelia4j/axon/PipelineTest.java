package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.TestComponents.Collector;
import org.kamaelia4j.axon.TestComponents.Doubler;
import org.kamaelia4j.axon.TestComponents.MockChild;
import org.kamaelia4j.axon.TestComponents.Passive;
import org.kamaelia4j.axon.TestComponents.Source;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Ports Axon's Kamaelia test_Pipeline.py. Axon steps its scheduler a number of cycles; here a test
 * runs the scheduler in stages with {@link Scheduler#run(Duration)} (everything left is paused, so
 * a stage ends by timeout), and touches components from the test thread only between stages.
 * Waiting is only ever for something that must happen, or for checking that something that
 * cannot happen did not; nothing asserts on elapsed time.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PipelineTest extends ScheduledTest {

    // ---- components -----------------------------------------------------------------------

    /** Throws on the first message it receives. */
    private static final class Thrower extends Component {
        final RuntimeException boom = new IllegalStateException("boom");

        @Override
        protected Step main() {
            if (dataReady()) {
                recv();
                throw boom;
            }
            return Step.PAUSE;
        }
    }

    // ---- Axon's test fixture ----------------------------------------------------------------

    /** Axon's setup_initialise: a pipeline of MockChildren, fed by inSrc and read by outDest. */
    private final class Rig {
        final Scheduler s;
        final MockChild[] children;
        final Pipeline pipeline;
        final Passive inSrc = new Passive();
        final Passive outDest = new Passive();

        Rig(int workers, int n) {
            s = scheduler(workers);
            children = new MockChild[n];
            for (int i = 0; i < n; i++) {
                children[i] = new MockChild();
            }
            pipeline = new Pipeline(children);
            inSrc.link(inSrc, Component.OUTBOX, pipeline, Component.INBOX);
            inSrc.link(inSrc, Component.SIGNAL, pipeline, Component.CONTROL);
            outDest.link(pipeline, Component.OUTBOX, outDest, Component.INBOX);
            outDest.link(pipeline, Component.SIGNAL, outDest, Component.CONTROL);
        }

        /** Axon's setup_activate plus running until every child had its first slice. */
        Rig activate() {
            pipeline.activate(s);
            runUntil(s, () -> Arrays.stream(children).allMatch(c -> c.wasActivated));
            return this;
        }
    }

    // ---- tests --------------------------------------------------------------------------------

    // test_Pipeline.py test_PipelineActivatesChildrenOnlyWhenActivated
    @ParameterizedTest
    @MethodSource("schedulers")
    void activatesChildrenOnlyWhenActivated(int workers) {
        Rig rig = new Rig(workers, 3);
        rig.s.run(A_WHILE);
        for (MockChild c : rig.children) {
            assertFalse(c.wasActivated, "no child runs before the pipeline is activated");
            assertNull(c.scheduler(), "no child is activated before the pipeline is");
        }
        rig.activate();
        for (MockChild c : rig.children) {
            assertTrue(c.wasActivated);
            assertSame(rig.s, c.scheduler(), "children run on the pipeline's scheduler");
        }
    }

    // test_Pipeline.py test_PipelineTerminatesOnlyWhenAllChildrenHaveTerminated
    @ParameterizedTest
    @MethodSource("schedulers")
    void terminatesOnlyWhenAllChildrenHaveTerminated(int workers) {
        Rig rig = new Rig(workers, 3).activate();
        assertFalse(rig.s.run(A_WHILE));
        assertFalse(rig.pipeline.isStopped());
        for (MockChild child : rig.children) {
            assertFalse(rig.pipeline.isStopped(), "pipeline still running while a child is");
            child.stopNow();
            runUntil(rig.s, child::isStopped);
            rig.s.run(A_WHILE);
        }
        runUntil(rig.s, rig.pipeline::isStopped);
        assertFalse(rig.s.microprocesses().contains(rig.pipeline));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void staysAliveWhileTheLastChildRuns(int workers) {
        Rig rig = new Rig(workers, 3).activate();
        rig.children[0].stopNow();
        rig.children[1].stopNow();
        runUntil(rig.s, () -> rig.children[0].isStopped() && rig.children[1].isStopped());
        assertFalse(rig.s.run(A_WHILE), "the last child is still paused, so not everything can finish");
        assertFalse(rig.pipeline.isStopped());
        assertTrue(rig.s.microprocesses().contains(rig.pipeline));
        rig.children[2].stopNow();
        assertTrue(rig.s.run(ENOUGH), "everything finishes once the last child does");
        assertTrue(rig.pipeline.isStopped());
    }

    // test_Pipeline.py test_PipelineChildrenWiredOutboxInbox
    @ParameterizedTest
    @MethodSource("schedulers")
    void childrenWiredOutboxToInbox(int workers) {
        Rig rig = new Rig(workers, 4).activate();
        MockChild[] ch = rig.children;
        Object msg = new Object();
        ch[0].send(msg, "outbox");
        for (int i = 1; i < ch.length - 1; i++) {
            assertSame(msg, ch[i].recv("inbox"));
            assertFalse(ch[i].dataReady("control"), "outbox does not feed control");
            msg = new Object();
            ch[i].send(msg, "outbox");
        }
        assertSame(msg, ch[ch.length - 1].recv("inbox"));
        assertFalse(rig.outDest.dataReady("inbox"), "the last child's input is not the pipeline's output");
    }

    // test_Pipeline.py test_PipelineChildrenWiredSignalControl
    @ParameterizedTest
    @MethodSource("schedulers")
    void childrenWiredSignalToControl(int workers) {
        Rig rig = new Rig(workers, 4).activate();
        MockChild[] ch = rig.children;
        Object msg = new Object();
        ch[0].send(msg, "signal");
        for (int i = 1; i < ch.length - 1; i++) {
            assertSame(msg, ch[i].recv("control"));
            assertFalse(ch[i].dataReady("inbox"), "signal does not feed inbox");
            msg = new Object();
            ch[i].send(msg, "signal");
        }
        assertSame(msg, ch[ch.length - 1].recv("control"));
    }

    // test_Pipeline.py test_PipelineFirstChildWiredToParentInboxes
    @ParameterizedTest
    @MethodSource("schedulers")
    void firstChildWiredToPipelineInboxes(int workers) {
        Rig rig = new Rig(workers, 4).activate();
        Object msg = new Object();
        rig.inSrc.send(msg, "outbox");
        assertSame(msg, rig.children[0].recv("inbox"));
        msg = new Object();
        rig.inSrc.send(msg, "signal");
        assertSame(msg, rig.children[0].recv("control"));
        for (int i = 1; i < rig.children.length; i++) {
            assertNull(rig.children[i].anyReady(), "only the first child receives");
        }
    }

    // test_Pipeline.py test_PipelineLastChildWiredToParentOutboxes
    @ParameterizedTest
    @MethodSource("schedulers")
    void lastChildWiredToPipelineOutboxes(int workers) {
        Rig rig = new Rig(workers, 4).activate();
        MockChild last = rig.children[rig.children.length - 1];
        Object msg = new Object();
        last.send(msg, "outbox");
        assertSame(msg, rig.outDest.recv("inbox"));
        msg = new Object();
        last.send(msg, "signal");
        assertSame(msg, rig.outDest.recv("control"));
        assertFalse(rig.outDest.dataReady("inbox"));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void dataFlowsThroughAndShutdownEndsEveryone(int workers) {
        Scheduler s = scheduler(workers);
        Collector sink = new Collector();
        Pipeline p = new Pipeline(new Source(1, 2, 3, 4, 5), new Doubler(), sink);
        p.activate(s);
        assertTrue(s.run(ENOUGH), "source finishing shuts the whole pipeline down");
        assertEquals(List.of(2, 4, 6, 8, 10), sink.received);
        assertEquals(1, sink.control.size());
        assertInstanceOf(ProducerFinished.class, sink.control.get(0));
        assertTrue(p.isStopped());
        assertTrue(s.microprocesses().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void shutdownSentToThePipelineControlComesOutOfItsSignal(int workers) {
        Scheduler s = scheduler(workers);
        Passive inSrc = new Passive();
        Passive outDest = new Passive();
        Pipeline p = new Pipeline(new Doubler(), new Doubler());
        inSrc.link(inSrc, "outbox", p, "inbox");
        inSrc.link(inSrc, "signal", p, "control");
        outDest.link(p, "outbox", outDest, "inbox");
        outDest.link(p, "signal", outDest, "control");
        p.activate(s);
        assertFalse(s.run(A_WHILE), "doublers wait for input");
        inSrc.send(5, "outbox");
        ShutdownMicroprocess stop = new ShutdownMicroprocess(List.of());
        inSrc.send(stop, "signal");
        assertTrue(s.run(ENOUGH), "pipeline ends after its children forwarded the shutdown");
        assertEquals(20, (Integer) outDest.recv("inbox"));
        assertSame(stop, outDest.recv("control"));
        assertTrue(p.isStopped());
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void messagesSentToThePipelineBeforeActivationStillReachTheFirstChild(int workers) {
        Scheduler s = scheduler(workers);
        Passive inSrc = new Passive();
        Collector sink = new Collector();
        Pipeline p = new Pipeline(new Doubler(), sink);
        inSrc.link(inSrc, "outbox", p, "inbox");
        inSrc.link(inSrc, "signal", p, "control");
        inSrc.send(1, "outbox");
        inSrc.send(2, "outbox");
        inSrc.send(new ProducerFinished(), "signal");
        p.activate(s);
        assertTrue(s.run(ENOUGH));
        assertEquals(List.of(2, 4), sink.received);
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void nestedPipelinesPassDataAndShutdownThrough(int workers) {
        Scheduler s = scheduler(workers);
        Collector sink = new Collector();
        Pipeline inner = new Pipeline(new Doubler(), new Pipeline(new Doubler()));
        Pipeline outer = new Pipeline(new Source(1, 2, 3), inner, sink);
        outer.activate(s);
        assertTrue(s.run(ENOUGH));
        assertEquals(List.of(4, 8, 12), sink.received);
        assertTrue(inner.isStopped());
        assertTrue(outer.isStopped());
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void aFailingChildFinishesAndItsErrorComesOutOfThePipelineSignal(int workers) {
        for (int round = 0; round < 100; round++) { // repeated: the parent may tidy up concurrently
            Scheduler s = scheduler(workers);
            Passive outDest = new Passive();
            Thrower thrower = new Thrower();
            Pipeline p = new Pipeline(new Source(1, 2, 3), thrower);
            outDest.link(p, "signal", outDest, "control");
            p.activate(s);
            assertTrue(s.run(ENOUGH), "an exception in a child must not stop the rest from finishing");
            assertTrue(thrower.isStopped());
            assertTrue(p.isStopped());
            assertTrue(outDest.dataReady("control"), "round " + round + ": the ErrorInformation was lost");
            ErrorInformation err = assertInstanceOf(ErrorInformation.class, outDest.recv("control"));
            assertSame(thrower, err.caller());
            assertSame(thrower.boom, err.exception());
        }
    }
}
