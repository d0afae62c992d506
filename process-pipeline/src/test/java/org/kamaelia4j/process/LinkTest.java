package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both ends of links in one JVM: windows, renumbered rewrites, and order across sibling links. */
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
            r.next();
            r.delivered();
            assertTrue(w.windowOpen(), "600 bytes outstanding again");
            w.write("x");
            w.write("y");
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
            while (in.pump(100, (m, i) -> order.add((String) m))) {
                assertFalse(order.contains("done") && order.size() < 301, "done overtook data: " + order.size());
            }
            assertTrue(in.drained());
        }
        assertEquals(301, order.size());
        assertEquals("done", order.get(300));
    }
}
