package org.kamaelia4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.process.ProcessPipeline;
import org.kamaelia4j.process.Stage;

@Timeout(90)
class MultiJvmTest {

    private static final String[] SMALL_JVM = {"-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"};

    @Test
    @SuppressWarnings("unchecked")
    void theParentShowsEveryJvmAndForwardsCommands() throws Exception {
        Scheduler scheduler = Scheduler.create(1);
        ProcessPipeline pp = ProcessPipeline.of(
                Stage.of(Parts.Relay::new).named("first").jvmOptions(SMALL_JVM),
                Stage.of(Parts.Relay::new).named("second").jvmOptions(SMALL_JVM));
        Parts.Sink sink = new Parts.Sink();
        IntrospectionServer server = Introspection.serve(scheduler, Options.defaults().allowControl(true));
        new Pipeline(pp, sink).activate(scheduler);
        scheduler.startInBackground();
        try {
            String url = "http://127.0.0.1:" + server.port();
            Map<String, Object>[] snap = new Map[1];
            IntrospectionServerTest.awaitTrue(() -> {
                snap[0] = Http.get(url + "/api/snapshot?token=" + server.token()).json();
                return ((List<Object>) snap[0].get("jvms")).size() == 3 && crossLinks(snap[0]).size() >= 6;
            });
            List<Object> jvms = (List<Object>) snap[0].get("jvms");
            Map<String, Object> first = jvm(jvms, "first");
            Map<String, Object> second = jvm(jvms, "second");
            assertEquals(pp.stageProcess("first").orElseThrow().pid(), ((Number) first.get("pid")).longValue());
            String stage1 = (String) first.get("stage");
            String stage2 = (String) second.get("stage");
            assertTrue(stage1.startsWith("first:") && stage2.startsWith("second:"), first::toString);
            List<Map<String, Object>> cross = crossLinks(snap[0]);
            assertTrue(cross.stream().anyMatch(l -> l.get("from").equals(stage1) && l.get("fromBox").equals("outbox")
                    && l.get("to").equals(stage2) && l.get("toBox").equals("inbox")), cross::toString);
            assertTrue(cross.stream().anyMatch(l -> l.get("from").equals(String.valueOf(pp.id()))
                    && l.get("to").equals(stage1)), cross::toString);

            Http.Answer paused = Http.post(url + "/api/command?token=" + server.token(),
                    "{\"action\":\"pause\",\"component\":\"" + stage2 + "\"}");
            assertEquals(200, paused.status(), paused.body());
            IntrospectionServerTest.awaitTrue(() -> {
                Map<String, Object> s = Http.get(url + "/api/snapshot?token=" + server.token()).json();
                return stateOf(s, stage2).equals("PAUSED");
            });
            Http.Answer bad = Http.post(url + "/api/command?token=" + server.token(),
                    "{\"action\":\"pause\",\"component\":\"second:999999\"}");
            assertEquals(400, bad.status(), bad.body());
            assertTrue(bad.body().contains(stage2), bad.body());
            assertEquals(200, Http.post(url + "/api/command?token=" + server.token(),
                    "{\"action\":\"inject\",\"component\":\"" + stage1 + "\",\"message\":\"through\"}").status());
            assertEquals(200, Http.post(url + "/api/command?token=" + server.token(),
                    "{\"action\":\"resume\",\"component\":\"" + stage2 + "\"}").status());
            IntrospectionServerTest.awaitTrue(() -> sink.received.contains("through"));
        } finally {
            server.close();
            scheduler.stop();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void stagesOfTheSameNameInTwoNetworksReportAsTwoJvms() throws Exception {
        Scheduler scheduler = Scheduler.create(1);
        ProcessPipeline one = ProcessPipeline.of(Stage.of(Parts.Relay::new).named("twin").jvmOptions(SMALL_JVM));
        ProcessPipeline two = ProcessPipeline.of(Stage.of(Parts.Relay::new).named("twin").jvmOptions(SMALL_JVM));
        IntrospectionServer server = Introspection.serve(scheduler, Options.defaults());
        new Pipeline(one, new Parts.Sink()).activate(scheduler);
        new Pipeline(two, new Parts.Sink()).activate(scheduler);
        scheduler.startInBackground();
        try {
            String url = "http://127.0.0.1:" + server.port() + "/api/snapshot?token=" + server.token();
            Map<String, Object>[] snap = new Map[1];
            IntrospectionServerTest.awaitTrue(() -> {
                snap[0] = Http.get(url).json();
                return ((List<Object>) snap[0].get("jvms")).size() == 3;
            });
            List<Object> jvms = (List<Object>) snap[0].get("jvms");
            long a = ((Number) jvm(jvms, "twin").get("pid")).longValue();
            long b = ((Number) jvm(jvms, "twin-2").get("pid")).longValue();
            assertEquals(Set.of(one.stageProcess("twin").orElseThrow().pid(),
                    two.stageProcess("twin").orElseThrow().pid()), Set.of(a, b));
        } finally {
            server.close();
            scheduler.stop();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jvm(List<Object> jvms, String id) {
        return jvms.stream().map(j -> (Map<String, Object>) j).filter(j -> j.get("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no JVM " + id + " in " + jvms));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> crossLinks(Map<String, Object> snap) {
        Map<String, Object> main = (Map<String, Object>) ((List<Object>) snap.get("jvms")).get(0);
        return ((List<Object>) main.get("links")).stream().map(l -> (Map<String, Object>) l)
                .filter(l -> Boolean.TRUE.equals(l.get("crossJvm"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static String stateOf(Map<String, Object> snap, String id) {
        for (Object j : (List<Object>) snap.get("jvms")) {
            for (Object c : (List<Object>) ((Map<String, Object>) j).get("components")) {
                Map<String, Object> m = (Map<String, Object>) c;
                if (id.equals(m.get("id"))) {
                    return String.valueOf(m.get("state"));
                }
            }
        }
        return "absent";
    }
}
