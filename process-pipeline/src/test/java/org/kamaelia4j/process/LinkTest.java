package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both ends of links in one JVM: batches, windows, renumbered rewrites, and order across sibling links. */
class LinkTest {

    @TempDir
    Path run;

    private final LinkSpec data = new LinkSpec(0, "a", "outbox", "b", "inbox");
    private final LinkSpec control = new LinkSpec(1, "a", "signal", "b", "control");

    private LinkWriter writer(LinkSpec link, LinkOptions options, long lastSeq) {
        LinkQueues.create(link, run, options);
        return new LinkWriter(link, run, options, lastSeq, "test");
    }

    private LinkReader reader(LinkSpec link, LinkOptions options) {
        return new LinkReader(link, run, options, 0, -1, true, "test");
    }

    @Test
    void theWindowCountsMessagesAndBytesFromWhatTheReaderDelivered() {
        LinkOptions options = LinkOptions.defaults().windowMessages(3).windowBytes(1000);
        try (LinkWriter w = writer(data, options, 0); LinkReader r = reader(data, options)) {
            w.write(new byte[600]);
            assertTrue(w.windowOpen(), "600 of 1000 bytes");
            w.write(new byte[600]);
            assertFalse(w.windowOpen(), "1200 bytes outstanding");
            w.flush();
            r.next();
            r.delivered();
            assertTrue(w.windowOpen(), "600 bytes outstanding again");
            w.write("x");
            w.write("y");
            w.flush();
            r.next();
            r.delivered();
            assertTrue(w.windowOpen());
            w.write("z");
            assertFalse(w.windowOpen(), "3 messages outstanding");
            r.closeReader();
            assertTrue(w.windowOpen(), "a finished reader never holds the writer back");
        }
    }

    @Test
    void aRewriteUnderTheSameNumbersIsDroppedByTheReader() {
        LinkOptions options = LinkOptions.defaults();
        List<Object> got = new ArrayList<>();
        try (LinkReader r = reader(data, options)) {
            try (LinkWriter first = writer(data, options, 0)) {
                for (int i = 1; i <= 5; i++) {
                    first.write(i);
                }
            }
            for (Object m; (m = r.next()) != null; r.delivered()) {
                got.add(m);
            }
            try (LinkWriter again = new LinkWriter(data, run, options, 3, "restarted")) {
                for (int i = 4; i <= 7; i++) {
                    again.write(i);
                }
            }
            for (Object m; (m = r.next()) != null; r.delivered()) {
                got.add(m);
            }
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), got);
    }

    @Test
    void aMessageWaitsForWhatWasSentBeforeItOnASiblingLink() {
        LinkOptions options = LinkOptions.defaults().windowMessages(1000);
        List<String> order = new ArrayList<>();
        try (LinkWriter d = writer(data, options, 0); LinkWriter c = writer(control, options, 0);
                Inflow in = new Inflow(List.of(reader(control, options), reader(data, options)))) {
            LinkWriter.introduceSiblings(List.of(d, c));
            for (int i = 0; i < 300; i++) {
                d.write("data" + i);
            }
            c.write("done");
            c.flush();
            while (in.pump(100, (m, i) -> order.add((String) m))) {
                assertFalse(order.contains("done") && order.size() < 301, "done overtook data: " + order.size());
            }
            assertTrue(in.drained());
        }
        assertEquals(301, order.size());
        assertEquals("done", order.get(300));
    }

    @Test
    void messagesTravelInBatchesTheReaderSeesOnlyOnceFlushed() {
        LinkOptions options = LinkOptions.defaults().windowMessages(10_000);
        LinkState state = new LinkState(data.stateFile(run));
        List<Object> got = new ArrayList<>();
        try (LinkWriter w = writer(data, options, 0); LinkReader r = reader(data, options)) {
            for (int i = 1; i <= LinkWriter.BATCH_MESSAGES + 10; i++) {
                w.write(i);
            }
            assertEquals(1, state.appends(), "the first full batch was appended as one excerpt");
            drain(r, got);
            assertEquals(LinkWriter.BATCH_MESSAGES, got.size(), "the open batch is not visible yet");
            w.flush();
            w.flush();
            assertEquals(2, state.appends(), "one more excerpt; flushing an empty batch appends nothing");
            drain(r, got);
        }
        assertEquals(LinkWriter.BATCH_MESSAGES + 10, got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(i + 1, got.get(i));
        }
    }

    @Test
    void aBatchIsAppendedOnceItHoldsEnoughBytes() {
        LinkState state = new LinkState(data.stateFile(run));
        try (LinkWriter w = writer(data, LinkOptions.defaults(), 0)) {
            w.write(new byte[LinkWriter.BATCH_BYTES / 2]);
            assertEquals(0, state.appends());
            w.write(new byte[LinkWriter.BATCH_BYTES / 2]);
            assertEquals(1, state.appends());
        }
    }

    @Test
    void aMessageThatCannotBeEncodedLeavesTheBatchAsItWas() {
        LinkOptions options = LinkOptions.defaults();
        List<Object> got = new ArrayList<>();
        try (LinkWriter w = writer(data, options, 0); LinkReader r = reader(data, options)) {
            w.write("before");
            assertThrows(MessageEncodingException.class, () -> w.write(new Object()));
            w.write("after");
            w.flush();
            drain(r, got);
            assertEquals(2, w.lastSeq());
        }
        assertEquals(List.of("before", "after"), got);
    }

    @Test
    void aReaderRestartedInsideABatchDeliversOnlyTheRestOfIt() {
        LinkOptions options = LinkOptions.defaults();
        long index;
        try (LinkWriter w = writer(data, options, 0)) {
            for (int i = 1; i <= 5; i++) {
                w.write(i);
            }
        }
        try (LinkReader first = reader(data, options)) {
            first.next();
            first.delivered();
            first.next();
            first.delivered();
            index = first.deliveredIndex();
        }
        List<Object> got = new ArrayList<>();
        try (LinkReader again = new LinkReader(data, run, options, 2, index, true, "restarted")) {
            drain(again, got);
        }
        assertEquals(List.of(3, 4, 5), got);
    }

    @Test
    void aCodecThatReadsTooLittleIsNamedInsteadOfCorruptingTheNextMessages() {
        MessageEncodingException e = misread(new SloppyCodec(false));
        assertTrue(e.getMessage().contains("message 1 was written as 8 bytes but its codec read 4 to decode a "
                + "java.lang.StringBuilder"), e.getMessage());
        assertTrue(e.getMessage().contains("'inbox'"), e.getMessage());
    }

    @Test
    void aCodecThatReadsTooMuchIsNamedInsteadOfCorruptingTheNextMessages() {
        MessageEncodingException e = misread(new SloppyCodec(true));
        assertTrue(e.getMessage().contains("message 1 was written as 4 bytes but its codec read past them"),
                e.getMessage());
    }

    private MessageEncodingException misread(MessageCodec codec) {
        LinkOptions options = LinkOptions.defaults().codecs(Codecs.builder().codec(codec).build());
        try (LinkWriter w = writer(data, options, 0); LinkReader r = reader(data, options)) {
            w.write(new StringBuilder("x"));
            w.write("next");
            w.flush();
            return assertThrows(MessageEncodingException.class, r::next);
        }
    }

    private static void drain(LinkReader r, List<Object> into) {
        for (Object m; (m = r.next()) != null; r.delivered()) {
            into.add(m);
        }
        assertNull(r.next());
    }

    /** A StringBuilder codec whose read does not match its write: an int too many or too few. */
    private record SloppyCodec(boolean readsTooMuch) implements MessageCodec {
        @Override
        public int tag() {
            return MessageCodec.FIRST_USER_TAG;
        }

        @Override
        public boolean accepts(Object message) {
            return message instanceof StringBuilder;
        }

        @Override
        public void write(Object message, DataOutput out) throws IOException {
            out.writeUTF(message.toString());
            if (!readsTooMuch) {
                out.writeInt(0);
            }
        }

        @Override
        public Object read(DataInput in) throws IOException {
            String s = in.readUTF();
            if (readsTooMuch) {
                in.readInt();
            }
            return new StringBuilder(s);
        }
    }
}
