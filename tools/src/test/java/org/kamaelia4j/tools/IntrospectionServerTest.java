package org.kamaelia4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.stm.Store;
import org.kamaelia4j.stm.Value;

@Timeout(60)
class IntrospectionServerTest {

    private final Scheduler scheduler = Scheduler.create(1);
    private final Parts.Relay relay = new Parts.Relay();
    private final Parts.Sink sink = new Parts.Sink();
    private final Pipeline pipeline = new Pipeline(relay, sink);
    private IntrospectionServer server;

    private IntrospectionServer start(Options options) {
        pipeline.activate(scheduler);
        scheduler.startInBackground();
        server = Introspection.serve(scheduler, options);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        scheduler.stop();
    }

    private String api(String path) {
        return "http://127.0.0.1:" + server.port() + path + "?token=" + server.token();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> component(Map<String, Object> snapshot, Component c) {
        Map<String, Object> jvm = (Map<String, Object>) ((List<Object>) snapshot.get("jvms")).get(0);
        for (Object o : (List<Object>) jvm.get("components")) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (m.get("id").equals(String.valueOf(c.id()))) {
                return m;
            }
        }
        return null;
    }

    private Map<String, Object> componentNow(Component c) throws Exception {
        return component(Http.get(api("/api/snapshot")).json(), c);
    }

    private Http.Answer command(String json) throws Exception {
        return Http.post(api("/api/command"), json);
    }

    @Test
    @SuppressWarnings("unchecked")
    void snapshotListsComponentsBoxesAndLinks() throws Exception {
        Store store = new Store();
        Value<Integer> v = store.usevar("answer");
        v.set(42);
        v.commit();
        start(Options.defaults().label("test JVM").store("numbers", store));
        assertTrue(server.url().matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[0-9a-f]{32}"), server.url());
        Http.Answer a = Http.get(api("/api/snapshot"));
        assertEquals(200, a.status());
        Map<String, Object> snap = a.json();
        assertEquals(false, snap.get("control"));
        assertEquals(false, snap.get("repl"));
        Map<String, Object> jvm = (Map<String, Object>) ((List<Object>) snap.get("jvms")).get(0);
        assertEquals("main", jvm.get("id"));
        assertEquals("test JVM", jvm.get("label"));
        assertEquals(ProcessHandle.current().pid(), ((Number) jvm.get("pid")).longValue());
        Map<String, Object> r = component(snap, relay);
        assertNotNull(r, snap::toString);
        assertEquals("Relay_" + relay.id(), r.get("name"));
        assertEquals(Parts.Relay.class.getName(), r.get("type"));
        assertEquals(String.valueOf(pipeline.id()), r.get("parent"));
        assertEquals("main", r.get("jvm"));
        List<Object> inboxes = (List<Object>) r.get("inboxes");
        Map<String, Object> inbox = (Map<String, Object>) inboxes.get(0);
        assertEquals("inbox", inbox.get("name"));
        assertEquals(-1L, inbox.get("capacity"));
        assertEquals(0L, inbox.get("depth"));
        assertEquals(2, ((List<Object>) r.get("outboxes")).size());
        List<Object> links = (List<Object>) jvm.get("links");
        assertTrue(links.stream().map(o -> (Map<String, Object>) o).anyMatch(l ->
                l.get("from").equals(String.valueOf(relay.id())) && l.get("fromBox").equals("outbox")
                        && l.get("to").equals(String.valueOf(sink.id())) && l.get("toBox").equals("inbox")
                        && l.get("kind").equals("normal") && l.get("crossJvm").equals(false)), links::toString);
        assertTrue(links.stream().map(o -> (Map<String, Object>) o).anyMatch(l ->
                l.get("from").equals(String.valueOf(pipeline.id())) && l.get("kind").equals("passthrough-in")));
        Map<String, Object> numbers = (Map<String, Object>) ((List<Object>) snap.get("stores")).get(0);
        assertEquals("numbers", numbers.get("name"));
        assertEquals(List.of(Map.of("key", "answer", "version", 1L, "value", "42")), numbers.get("keys"));
    }

    @Test
    void tokenIsRequiredEverywhereAndNothingRunsWithout() throws Exception {
        start(Options.defaults().allowControl(true).enableRepl(true));
        String stop = "{\"action\":\"stop\",\"component\":\"" + sink.id() + "\"}";
        String base = "http://127.0.0.1:" + server.port();
        for (String path : List.of("/api/snapshot", "/api/events", "/", "/static/x.js")) {
            assertEquals(401, Http.get(base + path).status(), path);
            assertEquals(403, Http.get(base + path + "?token=00" + server.token().substring(2)).status(), path);
        }
        assertEquals(401, Http.post(base + "/api/command", stop).status());
        assertEquals(403, Http.post(base + "/api/command?token=nope", stop).status());
        Http.Answer header = Http.send(HttpRequest.newBuilder(URI.create(base + "/api/command"))
                .header("X-K4J-Token", "wrong").POST(HttpRequest.BodyPublishers.ofString(stop)));
        assertEquals(403, header.status());
        assertEquals(403, Http.post(base + "/api/repl?token=bad", "{\"code\":\"System.exit(3)\"}").status());
        assertFalse(sink.isStopped());
        Http.Answer ok = Http.send(HttpRequest.newBuilder(URI.create(base + "/api/snapshot"))
                .header("X-K4J-Token", server.token()).GET());
        assertEquals(200, ok.status());
    }

    @Test
    void servesStaticFilesFromTheClassPath() throws Exception {
        start(Options.defaults());
        Http.Answer a = Http.get(api("/static/probe-for-tests.txt"));
        assertEquals(200, a.status());
        assertEquals("probe\n", a.body());
        assertEquals(404, Http.get(api("/static/../Json.class")).status());
        assertEquals(404, Http.get(api("/static/missing.js")).status());
    }

    @Test
    void aServedProgramStillEnds() {
        start(Options.defaults());
        List<Thread> dispatchers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HTTP-Dispatcher")).toList();
        assertFalse(dispatchers.isEmpty());
        assertTrue(dispatchers.stream().allMatch(Thread::isDaemon), "the server's threads must not keep the JVM alive");
    }

    @Test
    void readOnlyByDefaultAndNoRepl() throws Exception {
        start(Options.defaults());
        Http.Answer a = command("{\"action\":\"stop\",\"component\":\"" + sink.id() + "\"}");
        assertEquals(403, a.status());
        assertTrue(a.json().get("error").toString().contains("read-only"));
        assertFalse(sink.isStopped());
        assertEquals(403, Http.post(api("/api/repl"), "{\"code\":\"1+1\"}").status());
    }

    @Test
    void injectPauseResumeShutdownAndStopAct() throws Exception {
        start(Options.defaults().allowControl(true));
        assertEquals(200, command("{\"action\":\"inject\",\"component\":\"" + relay.id()
                + "\",\"box\":\"inbox\",\"message\":\"hello\"}").status());
        awaitTrue(() -> sink.received.contains("hello"));
        assertEquals(200, command("{\"action\":\"inject\",\"component\":\"" + sink.id()
                + "\",\"message\":\"{\\\"n\\\":[1,2]}\",\"json\":true}").status());
        awaitTrue(() -> sink.received.contains(Map.of("n", List.of(1L, 2L))));

        assertEquals(200, command("{\"action\":\"pause\",\"component\":\"" + sink.id() + "\"}").status());
        command("{\"action\":\"inject\",\"component\":\"" + sink.id() + "\",\"message\":\"held\"}");
        awaitTrue(() -> "PAUSED".equals(componentNow(sink).get("state")));
        assertEquals(true, componentNow(sink).get("held"));
        assertFalse(sink.received.contains("held"));
        assertEquals(200, command("{\"action\":\"resume\",\"component\":\"" + sink.id() + "\"}").status());
        awaitTrue(() -> sink.received.contains("held"));

        assertEquals(200, command("{\"action\":\"shutdown\",\"component\":\"" + sink.id() + "\"}").status());
        awaitTrue(sink::isStopped);
        awaitTrue(() -> "FINISHED".equals(componentNow(sink).get("state")));
        assertEquals(200, command("{\"action\":\"stop\",\"component\":\"" + relay.id() + "\"}").status());
        awaitTrue(relay::isStopped);
    }

    @Test
    void badCommandsNameWhatExists() throws Exception {
        start(Options.defaults().allowControl(true));
        Http.Answer a = command("{\"action\":\"inject\",\"component\":\"" + sink.id()
                + "\",\"box\":\"nope\",\"message\":\"x\"}");
        assertEquals(400, a.status());
        assertTrue(a.json().get("error").toString().contains("[inbox, control]"), a.body());
        a = command("{\"action\":\"pause\",\"component\":\"999999\"}");
        assertEquals(400, a.status());
        assertTrue(a.json().get("error").toString().contains("Sink_" + sink.id()), a.body());
        a = command("{\"action\":\"explode\",\"component\":\"1\"}");
        assertEquals(400, a.status());
        assertTrue(a.json().get("error").toString().contains("inject"), a.body());
        assertEquals(400, command("not json").status());
    }

    @Test
    void replRunsInThisJvmWhenEnabled() throws Exception {
        start(Options.defaults().enableRepl(true));
        Http.Answer a = Http.post(api("/api/repl"), "{\"code\":\"int x = 6 * 7;\"}");
        assertEquals(200, a.status(), a.body());
        assertTrue(a.json().get("output").toString().contains("x ==> 42"), a.body());
        a = Http.post(api("/api/repl"), "{\"code\":\"System.out.println(org.kamaelia4j.tools.Introspection"
                + ".scheduler().microprocesses().size());\"}");
        assertTrue(a.json().get("output").toString().contains("3"), a.body());
    }

    @Test
    void eventStreamSendsTopologyAndMetrics() throws Exception {
        start(Options.defaults());
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> r = client.send(HttpRequest.newBuilder(URI.create(api("/api/events")))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> seen = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String event = null;
            boolean metrics = false;
            boolean added = false;
            Parts.Idle late = new Parts.Idle();
            for (String line; (line = in.readLine()) != null && !(metrics && added); ) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    String data = line.substring(6);
                    seen.add(event + " " + (data.length() > 80 ? data.substring(0, 80) : data));
                    if (event.equals("metrics")) {
                        assertTrue(Json.object(Json.parse(data)).containsKey("jvms"));
                        if (!metrics) {
                            late.activate(scheduler);
                        }
                        metrics = true;
                    }
                    if (data.equals("ADD NODE \"" + late.id() + "\" \"Idle_" + late.id() + "\" randompos component")) {
                        added = true;
                    }
                }
            }
            assertTrue(metrics && added, seen::toString);
        }
        assertEquals("topology DEL ALL", seen.get(0));
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void awaitTrue(Check check) throws Exception {
        for (int i = 0; i < 3000; i++) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("condition not met in 30 s");
    }
}
