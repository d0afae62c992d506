package org.kamaelia4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.AdaptiveCommsComponent;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Linkage;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

@Timeout(60)
class IntrospectorTest {

    private final Scheduler scheduler = Scheduler.create(1);
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private AutoCloseable subscription;

    @AfterEach
    void stop() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        scheduler.stop();
    }

    /** The batches that mention {@code ids} only, other tests' components left out. */
    private List<List<String>> about(Component... cs) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> batch : batches) {
            List<String> mine = new ArrayList<>();
            for (String line : batch) {
                for (Component c : cs) {
                    if (line.contains("\"" + c.id() + "\"") || line.contains("\"" + c.id() + ".")) {
                        mine.add(line);
                        break;
                    }
                }
            }
            if (!mine.isEmpty()) {
                out.add(mine);
            }
        }
        return out;
    }

    private static List<String> nodeLines(Component c) {
        String id = String.valueOf(c.id());
        return List.of(
                "ADD NODE \"" + id + "\" \"" + c.name() + "\" randompos component",
                "ADD NODE \"" + id + ".i.inbox\" \"inbox\" randompos inbox",
                "ADD LINK \"" + id + "\" \"" + id + ".i.inbox\"",
                "ADD NODE \"" + id + ".i.control\" \"control\" randompos inbox",
                "ADD LINK \"" + id + "\" \"" + id + ".i.control\"",
                "ADD NODE \"" + id + ".o.outbox\" \"outbox\" randompos outbox",
                "ADD LINK \"" + id + "\" \"" + id + ".o.outbox\"",
                "ADD NODE \"" + id + ".o.signal\" \"signal\" randompos outbox",
                "ADD LINK \"" + id + "\" \"" + id + ".o.signal\"");
    }

    @Test
    void addLinkUnlinkAndRemoveProduceAxonsLines() throws Exception {
        scheduler.startInBackground();
        subscription = Registry.get().subscribe(batches::add);
        assertEquals(Topology.DEL_ALL, batches.get(0).get(0));
        Parts.Idle a = new Parts.Idle();
        Parts.Idle b = new Parts.Idle();
        a.activate(scheduler);
        assertEquals(List.of(nodeLines(a)), about(a, b));

        Linkage early = a.link(a, Component.OUTBOX, b, Component.INBOX);
        assertEquals(1, about(a, b).size(), "a link to a component not yet activated waits");
        b.activate(scheduler);
        List<String> expected = new ArrayList<>(nodeLines(b));
        expected.add("ADD LINK \"" + a.id() + ".o.outbox\" \"" + b.id() + ".i.inbox\"");
        assertEquals(expected, about(a, b).get(1));

        a.unlink(early);
        assertEquals(List.of("DEL LINK \"" + a.id() + ".o.outbox\" \"" + b.id() + ".i.inbox\""), about(a, b).get(2));
        a.link(b, Component.INBOX, a, Component.INBOX, Passthrough.INBOUND);
        assertEquals(List.of("ADD LINK \"" + b.id() + ".i.inbox\" \"" + a.id() + ".i.inbox\""), about(a, b).get(3));

        b.stop();
        IntrospectionServerTest.awaitTrue(() -> about(a, b).size() == 5);
        String id = String.valueOf(b.id());
        assertEquals(List.of(
                "DEL LINK \"" + id + ".i.inbox\" \"" + a.id() + ".i.inbox\"",
                "DEL NODE \"" + id + ".i.inbox\"",
                "DEL NODE \"" + id + ".i.control\"",
                "DEL NODE \"" + id + ".o.outbox\"",
                "DEL NODE \"" + id + ".o.signal\"",
                "DEL NODE \"" + id + "\""), about(a, b).get(4));
    }

    @Test
    void boxesAddedAndDeletedAtRunTimeAreShown() throws Exception {
        scheduler.startInBackground();
        subscription = Registry.get().subscribe(batches::add);
        AdaptiveCommsComponent c = new AdaptiveCommsComponent() {
            @Override
            protected Step main() {
                return Step.PAUSE;
            }
        };
        c.activate(scheduler);
        String name = c.addInbox("extra");
        c.deleteInbox(name);
        String id = String.valueOf(c.id());
        List<List<String>> mine = about(c);
        assertEquals(List.of("ADD NODE \"" + id + ".i.extra\" \"extra\" randompos inbox",
                "ADD LINK \"" + id + "\" \"" + id + ".i.extra\""), mine.get(1));
        assertEquals(List.of("DEL NODE \"" + id + ".i.extra\""), mine.get(2));
    }

    @Test
    void theIntrospectorComponentSendsTheStateThenChanges() throws Exception {
        scheduler.startInBackground();
        Parts.Idle before = new Parts.Idle();
        before.activate(scheduler);
        Handle h = Handle.activate(new Introspector(), scheduler);
        String first = h.get(Duration.ofSeconds(30));
        assertTrue(first.startsWith("DEL ALL\n"), first);
        assertTrue(first.endsWith("\n"));
        assertTrue(first.contains(String.join("\n", nodeLines(before)) + "\n"), first);
        Parts.Idle after = new Parts.Idle();
        after.activate(scheduler);
        String next = null;
        for (int i = 0; i < 100 && (next == null || !next.contains("\"" + after.id() + "\"")); i++) {
            next = h.get(Duration.ofSeconds(30));
        }
        assertEquals(String.join("\n", nodeLines(after)) + "\n", next);
        h.put(new ShutdownMicroprocess(), Component.CONTROL);
        Object signal = h.get(Component.SIGNAL, Duration.ofSeconds(30));
        assertTrue(signal instanceof ShutdownMicroprocess);
    }
}
