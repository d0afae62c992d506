package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The compact box table: lookups by kind and name, declaration order, copy-on-write changes. */
class BoxTableTest {

    static final class SameNames extends Component {
        SameNames() {
            super(Boxes.builder()
                    .inbox("data", "data in").inbox(CONTROL, "control")
                    .outbox("data", "data out").outbox(SIGNAL, "signal")
                    .build());
        }

        @Override
        protected Step main() {
            return Step.DONE;
        }
    }

    @Test
    void anInboxAndAnOutboxMayShareANameAndAreFoundByKind() {
        SameNames c = new SameNames();
        assertEquals("data in", c.inboxBox("data").description);
        assertEquals("data out", c.outboxBox("data").description);
        c.link(c, "data", c, "data");
        c.send("x", "data");
        assertEquals("x", c.recv("data"));
    }

    @Test
    void namesKeepDeclarationOrderPerKind() {
        SameNames c = new SameNames();
        assertEquals(List.of("data", "control"), List.copyOf(c.inboxNames()));
        assertEquals(List.of("data", "signal"), List.copyOf(c.outboxNames()));
        assertTrue(c.inboxNames().contains(new String("control")));
        assertFalse(c.inboxNames().contains("signal"));
    }

    @Test
    void withAndWithoutCopyAndLeaveTheOriginalAlone() {
        String[] one = {"a"};
        String[] two = BoxTable.with(one, "b");
        assertEquals(List.of("a"), List.of(one));
        assertEquals(List.of("a", "b"), List.of(two));
        assertEquals(List.of("b"), List.of(BoxTable.without(two, two[0])));
        assertSame(two, BoxTable.without(two, "absent"));
        assertNull(BoxTable.find(new BoxEntry[0], true, "inbox"));
    }
}
