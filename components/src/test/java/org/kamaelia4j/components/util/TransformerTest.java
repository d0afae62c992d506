package org.kamaelia4j.components.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.UnknownBoxException;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.axon.ipc.Status;

@Timeout(60)
class TransformerTest {

    private final Scheduler scheduler = Scheduler.create(2);

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    private Handle start(Component c) {
        scheduler.startInBackground();
        return Handle.activate(c, scheduler);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void aChainOfBoundedInboxesLosesNothingAndKeepsOrder(int workers) {
        List<Object> numbers = new ArrayList<>(IntStream.range(0, 2000).boxed().toList());
        PassThrough a = new PassThrough();
        PassThrough b = new PassThrough();
        Collector out = new Collector();
        a.setInboxSize(Component.INBOX, 1);
        b.setInboxSize(Component.INBOX, 2);
        out.setInboxSize(Component.INBOX, 1);
        Pipes.runInto(out, workers, new DataSource(numbers), a, b);
        assertEquals(numbers, out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @RepeatedTest(5)
    void stressFourStagesOfSizeOneInboxesOnThreeWorkers() {
        List<Object> numbers = new ArrayList<>(IntStream.range(0, 3000).boxed().toList());
        Component[] stages = {new DataSource(numbers), new PassThrough(), new TagWithSequenceNumber(),
            new PureTransformer<TagWithSequenceNumber.Tagged<?>, Object>(TagWithSequenceNumber.Tagged::value),
            new PassThrough()};
        for (int i = 1; i < stages.length; i++) {
            stages[i].setInboxSize(Component.INBOX, 1);
        }
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 1);
        Pipes.runInto(out, 3, stages);
        assertEquals(numbers, out.collected());
    }

    @Test
    void producerFinishedWaitsForTheMessagesBeforeItThenIsPassedOn() {
        Handle h = start(new PassThrough());
        for (int i = 0; i < 100; i++) {
            h.put(i);
        }
        ProducerFinished done = new ProducerFinished();
        h.put(done, Component.CONTROL);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, (Integer) h.get(Pipes.GUARD));
        }
        assertSame(done, h.get(Component.SIGNAL, Pipes.GUARD));
        awaitStopped(h.component());
    }

    @Test
    void anErrorInformationOnControlEndsItLikeProducerFinished() {
        Handle h = start(new PassThrough());
        h.put("last");
        ErrorInformation upstreamFailed = new ErrorInformation(this, null, "upstream failed");
        h.put(upstreamFailed, Component.CONTROL);
        assertEquals("last", h.get(Pipes.GUARD));
        assertSame(upstreamFailed, h.get(Component.SIGNAL, Pipes.GUARD));
        awaitStopped(h.component());
    }

    @Test
    void otherControlMessagesArePassedOnAndItKeepsRunning() {
        Handle h = start(new PassThrough());
        Status status = new Status("hello");
        h.put(status, Component.CONTROL);
        assertSame(status, h.get(Component.SIGNAL, Pipes.GUARD));
        h.put("still here");
        assertEquals("still here", h.get(Pipes.GUARD));
        h.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertInstanceOf(ShutdownMicroprocess.class, h.get(Component.SIGNAL, Pipes.GUARD));
    }

    @Test
    void aHeldMessageIsDeliveredBeforeTheShutdownMessage() throws Exception {
        // the destination is full when shutdown arrives: the held message must still go first
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 1);
        PassThrough p = new PassThrough();
        Pipes.runInto(out, 1, new DataSource("a", "b", "c"), p);
        assertEquals(List.of("a", "b", "c"), out.collected());
    }

    @Test
    void emittingOnAnUnknownOutboxNamesTheComponentAndItsOutboxes() {
        Transformer t = new Transformer(Transformer.boxes("in", "out")) {
            @Override
            protected void process(Object msg) {
                emit(msg, "nowhere");
            }
        };
        UnknownBoxException e = assertThrows(UnknownBoxException.class, () -> t.process("x"));
        assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("outbox"), e.getMessage());
    }

    @Test
    void aTransformerWithoutTheStandardBoxesIsRejectedWithTheBoxesItHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Transformer(
                Boxes.builder().inbox(Component.INBOX, "in").outbox(Component.OUTBOX, "out").build()) {
        });
        assertTrue(e.getMessage().contains("'control'") && e.getMessage().contains("[inbox]"), e.getMessage());
    }

    @Test
    void aFailingProcessEndsTheComponentWithErrorInformation() {
        Handle h = start(new LineSplit());
        h.put(42);
        ErrorInformation err = h.get(Component.SIGNAL, Pipes.GUARD);
        assertTrue(err.message().contains("LineSplit") && err.message().contains("Integer"), err.message());
        awaitStopped(h.component());
        assertNull(h.poll(Component.OUTBOX));
    }

    /** Emits strings; on anything else emits "partial" and then fails with {@link #fault}. */
    private static final class Strict extends Transformer {
        private ErrorInformation fault;
        private int after;

        Strict() {
            super(Transformer.boxes("strings", "the strings, then 'partial' before a fault"));
        }

        @Override
        protected void process(Object msg) {
            if (fault != null) {
                after++;
                return;
            }
            if (msg instanceof String s) {
                emit(s);
                return;
            }
            emit("partial");
            fault = new ErrorInformation(this, null, name() + ": not a string: " + msg);
            finishNow(fault);
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void aFaultFromProcessFollowsWhatWasEmittedToThePipelinesEndAndLeavesTheRestUnread(int workers) {
        Strict strict = new Strict();
        PassThrough next = new PassThrough();
        Collector out = new Collector();
        next.setInboxSize(Component.INBOX, 1);
        out.setInboxSize(Component.INBOX, 1);
        Pipes.runInto(out, workers, new DataSource("a", "b", 42, "c", "d"), strict, next);
        assertEquals(List.of("a", "b", "partial"), out.collected(), "the messages before the fault, in order");
        assertSame(strict.fault, out.shutdownMessage(), "the same ErrorInformation, passed on by every stage");
        assertEquals(0, strict.after, "nothing after the fault is processed");
    }

    static void awaitStopped(Component c) {
        Pipes.awaitStopped(c);
    }
}
