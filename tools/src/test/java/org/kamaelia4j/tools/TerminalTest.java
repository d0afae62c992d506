package org.kamaelia4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;

@Timeout(60)
class TerminalTest {

    private final Scheduler scheduler = Scheduler.create(1);
    private final Parts.Relay relay = new Parts.Relay();
    private final Parts.Sink sink = new Parts.Sink();
    private final Pipeline pipeline = new Pipeline(relay, sink);
    private IntrospectionServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        scheduler.stop();
    }

    private String run(String input, String... args) throws Exception {
        if (server == null) {
            pipeline.activate(scheduler);
            scheduler.startInBackground();
            server = Introspection.serve(scheduler, Options.defaults().label("terminal test").enableRepl(true));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Terminal t = new Terminal(server.url());
        t.run(args[0], List.of(args).subList(1, args.length),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void topOnceListsEveryComponentSorted() throws Exception {
        String out = run("", "top", "--once", "--sort", "activations");
        String[] lines = out.split("\n");
        assertTrue(lines[0].startsWith("ID"), out);
        assertTrue(out.contains("Relay_" + relay.id()) && out.contains("Sink_" + sink.id())
                && out.contains("Pipeline_" + pipeline.id()), out);
        assertThrows(IllegalArgumentException.class, () -> run("", "top", "--once", "--sort", "colour"));
    }

    @Test
    void treeNestsChildrenUnderTheirPipeline() throws Exception {
        String out = run("", "tree");
        assertTrue(out.startsWith("JVM main: terminal test\n"), out);
        assertTrue(out.contains("  Pipeline_" + pipeline.id() + " [" + pipeline.id() + "] "), out);
        assertTrue(out.contains("    Relay_" + relay.id() + " [" + relay.id() + "] "), out);
        assertTrue(out.contains("    Sink_" + sink.id() + " [" + sink.id() + "] "), out);
    }

    @Test
    void dotDrawsClustersAndLinks() throws Exception {
        String out = run("", "dot");
        assertTrue(out.startsWith("digraph kamaelia {"), out);
        assertTrue(out.contains("subgraph \"cluster_jvm_main\""), out);
        assertTrue(out.contains("subgraph \"cluster_" + pipeline.id() + "\""), out);
        assertTrue(out.contains("\"" + relay.id() + "\" -> \"" + sink.id() + "\" [label=\"outbox -> inbox\"];"), out);
        assertTrue(out.contains("\"" + pipeline.id() + "\" -> \"" + relay.id()
                + "\" [label=\"inbox -> inbox\", style=dashed];"), out);
        assertTrue(out.trim().endsWith("}"));
    }

    @Test
    void dotMarksCrossJvmLinks() {
        Map<String, Object> snap = Json.object(Json.parse("{\"jvms\":[{\"id\":\"main\",\"label\":\"m\",\"components\":"
                + "[{\"id\":\"1\",\"name\":\"A_1\",\"state\":\"RUNNING\",\"parent\":null}],\"links\":[{\"from\":\"1\","
                + "\"fromBox\":\"outbox\",\"to\":\"s:2\",\"toBox\":\"inbox\",\"kind\":\"normal\",\"crossJvm\":true,"
                + "\"depth\":3}]},{\"id\":\"s\",\"label\":\"stage s\",\"components\":[{\"id\":\"s:2\",\"name\":\"B_2\","
                + "\"state\":\"PAUSED\",\"parent\":null}],\"links\":[]}]}"));
        String out = Terminal.dot(snap);
        assertTrue(out.contains("\"1\" -> \"s:2\" [label=\"outbox -> inbox (3 queued)\", style=bold, color=blue];"),
                out);
        assertTrue(out.contains("subgraph \"cluster_jvm_s\""), out);
    }

    @Test
    void watchPrintsTheRawProtocol() throws Exception {
        String out = run("", "watch", "--lines", "2");
        assertEquals("DEL ALL", out.split("\n")[0], out);
        assertTrue(out.split("\n")[1].startsWith("ADD NODE \""), out);
    }

    @Test
    void replSendsEachLine() throws Exception {
        String out = run("int y = 40 + 2;\n", "repl");
        assertTrue(out.contains("y ==> 42"), out);
    }

    @Test
    void urlsAreCheckedAndTheTokenIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new Terminal("127.0.0.1:80"));
        assertThrows(IllegalArgumentException.class, () -> new Terminal("nonsense"));
    }
}
