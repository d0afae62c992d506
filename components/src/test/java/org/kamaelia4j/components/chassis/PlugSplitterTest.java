package org.kamaelia4j.components.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamaelia4j.components.chassis.Harness.runAWhile;
import static org.kamaelia4j.components.chassis.Harness.runUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.UnknownBoxException;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.chassis.Harness.Probe;
import org.kamaelia4j.components.chassis.PlugSplitter.AddSink;
import org.kamaelia4j.components.chassis.PlugSplitter.RemoveSink;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;

@Timeout(60)
class PlugSplitterTest {

    /** A splitter with probes on its inbox, control and configuration, and on its own outboxes. */
    private static final class Rig {
        final Scheduler s = Scheduler.create(1);
        final PlugSplitter splitter = new PlugSplitter();
        final Probe src = new Probe();
        final Probe config = new Probe();
        final Probe own = new Probe();

        Rig() {
            src.link(src, Component.OUTBOX, splitter, Component.INBOX);
            src.link(src, Component.SIGNAL, splitter, Component.CONTROL);
            config.link(config, Component.OUTBOX, splitter, PlugSplitter.CONFIGURATION);
            own.link(splitter, Component.OUTBOX, own, Component.INBOX);
            own.link(splitter, Component.SIGNAL, own, Component.CONTROL);
            splitter.activate(s);
        }
    }

    @Test
    void sinksAddedAndRemovedWhileItRunsGetDataAndControlMeanwhile() {
        Rig r = new Rig();
        Probe one = new Probe();
        Probe two = new Probe();
        r.config.send(new AddSink(one, Component.INBOX, Component.CONTROL));
        r.config.send(new AddSink(two, Component.INBOX, Component.CONTROL));
        r.src.send("x");
        runUntil(r.s, () -> r.splitter.sinkCount() == 2 && two.dataReady(Component.INBOX), "x reaches both");
        r.config.send(new RemoveSink(one, Component.INBOX, Component.CONTROL));
        r.src.send("y");
        r.src.send("hello", Component.SIGNAL);
        runUntil(r.s, () -> two.dataReady(Component.CONTROL), "control reaches the sink");
        assertEquals(1, r.splitter.sinkCount());
        assertEquals(List.of("x"), one.drain(Component.INBOX));
        assertEquals(List.of(), one.drain(Component.CONTROL));
        assertEquals(List.of("x", "y"), two.drain(Component.INBOX));
        assertEquals(List.of("hello"), two.drain(Component.CONTROL));
        assertEquals(List.of("x", "y"), r.own.drain(Component.INBOX));
        assertEquals(4, r.splitter.outboxNames().size(), "the removed sink's outboxes were deleted");
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        r.src.send(stop, Component.SIGNAL);
        runUntil(r.s, r.splitter::isStopped, "the splitter finishes");
        assertEquals(List.of(stop), two.drain(Component.CONTROL), "sinks get the shutdown too");
        assertEquals(List.of("hello", stop), r.own.drain(Component.CONTROL));
    }

    @Test
    void aFullSinkHoldsTheMessageBackAndRemovingItReleasesTheRest() {
        Rig r = new Rig();
        Probe stuck = new Probe();
        stuck.setInboxSize(Component.INBOX, 1);
        Probe fine = new Probe();
        r.config.send(new AddSink(stuck, Component.INBOX, null));
        r.config.send(new AddSink(fine, Component.INBOX, null));
        r.src.send("a");
        r.src.send("b");
        r.src.send("c");
        runAWhile(r.s);
        assertEquals(List.of("a"), fine.drain(Component.INBOX), "b waits for room in the stuck sink");
        r.config.send(new RemoveSink(stuck, Component.INBOX, null));
        runUntil(r.s, () -> fine.dataCount(Component.INBOX) == 2, "the rest flows");
        assertEquals(List.of("b", "c"), fine.drain(Component.INBOX));
        assertEquals(List.of("a"), stuck.drain(Component.INBOX));
        assertEquals(List.of("a", "b", "c"), r.own.drain(Component.INBOX));
    }

    @Test
    void plugsDeliverToTheirComponentAndUnplugWhenItFinishes() {
        List<Object> numbers = new ArrayList<>(IntStream.range(0, 300).boxed().toList());
        PlugSplitter splitter = new PlugSplitter();
        Collector first = new Collector();
        Collector second = new Collector();
        second.setInboxSize(Component.INBOX, 2);
        Scheduler s = Scheduler.create(1);
        new Plug(splitter, first).activate(s);      // plugged in before the source runs
        new Plug(splitter, second).activate(s);
        new Pipeline(new DataSource(numbers), splitter).activate(s);
        assertTrue(s.run(Duration.ofSeconds(30)), "the ProducerFinished ends collectors, plugs and splitter");
        assertEquals(numbers, first.collected());
        assertEquals(numbers, second.collected());
        assertInstanceOf(ProducerFinished.class, first.shutdownMessage());
    }

    @Test
    void aSourceChildFeedsTheSinksAndItsEndEndsTheSplitter() {
        List<Object> numbers = new ArrayList<>(IntStream.range(0, 300).boxed().toList());
        PlugSplitter splitter = new PlugSplitter(new DataSource(numbers));
        Collector first = new Collector();
        Collector second = new Collector();
        second.setInboxSize(Component.INBOX, 2);
        Scheduler s = Scheduler.create(1);
        new Plug(splitter, first).activate(s);     // their AddSinks arrive before the source runs
        new Plug(splitter, second).activate(s);
        splitter.activate(s);
        assertTrue(s.run(Duration.ofSeconds(30)), "the source's ProducerFinished ends everything");
        assertEquals(numbers, first.collected());
        assertEquals(numbers, second.collected());
        assertInstanceOf(ProducerFinished.class, second.shutdownMessage());
        assertTrue(splitter.isStopped());
    }

    @Test
    void aPlugRemovesItsSinkWhenItsComponentFinishes() {
        Rig r = new Rig();
        Collector c = new Collector();
        Plug plug = new Plug(r.splitter, c);
        plug.activate(r.s);
        runUntil(r.s, () -> r.splitter.sinkCount() == 1, "the plug is in");
        Probe stopper = new Probe();
        stopper.link(stopper, Component.OUTBOX, plug, Component.CONTROL);
        stopper.send(new ShutdownMicroprocess());
        runUntil(r.s, () -> plug.isStopped() && r.splitter.sinkCount() == 0, "the plug is out");
        r.src.send("after");
        runAWhile(r.s);
        assertEquals(List.of(), c.collected());
        assertEquals(List.of("after"), r.own.drain(Component.INBOX), "the splitter goes on");
    }

    @Test
    void badSinkRequestsFailAtTheirSender() {
        Probe p = new Probe();
        UnknownBoxException e = assertThrows(UnknownBoxException.class, () -> new AddSink(p, "nope", null));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("inbox"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RemoveSink(p, null, null));
        assertThrows(NullPointerException.class, () -> new AddSink(null, Component.INBOX, null));
    }
}
