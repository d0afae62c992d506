package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which outboxes a {@link Handle} links: public ones the component has not linked itself. */
class HandleWatchedOutboxesTest {

    private final Scheduler scheduler = Scheduler.create(1);

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    /** Sends each inbox message to its private child through {@code _toChild}, linked in main. */
    static final class Wrapper extends Component {
        private final Component child = new Echo();
        private boolean wired;

        Wrapper() {
            super(Boxes.builder()
                    .inbox(INBOX, "messages for the child")
                    .inbox(CONTROL, "not used")
                    .outbox(OUTBOX, "what the child answers")
                    .outbox(SIGNAL, "not used")
                    .outbox("_toChild", "private wire to the child")
                    .build());
        }

        @Override
        protected Step main() {
            if (!wired) {
                link(this, "_toChild", child, INBOX);
                link(child, OUTBOX, this, OUTBOX, Passthrough.OUTBOUND);
                addChildren(child);
                child.activate(scheduler());
                wired = true;
            }
            while (dataReady(INBOX)) {
                send(recv(INBOX), "_toChild");
            }
            return Step.PAUSE;
        }
    }

    static final class Echo extends Component {
        @Override
        protected Step main() {
            while (dataReady(INBOX)) {
                send(recv(INBOX), OUTBOX);
            }
            return Step.PAUSE;
        }
    }

    @Test
    void privateOutboxLinkedAfterActivationIsLeftToTheComponent() {
        scheduler.startInBackground();
        Handle h = Handle.activate(new Wrapper(), scheduler);
        h.put("ping");
        assertEquals("ping", h.get(Duration.ofSeconds(30)));
    }

    @Test
    void askingForAnUnwatchedOutboxNamesTheWatchedOnes() {
        scheduler.startInBackground();
        Handle h = Handle.activate(new Wrapper(), scheduler);
        UnknownBoxException e = assertThrows(UnknownBoxException.class, () -> h.poll("_toChild"));
        assertTrue(e.getMessage().contains("[outbox, signal]") || e.getMessage().contains("[signal, outbox]"),
                e.getMessage());
    }
}
