package org.kamaelia4j.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Microprocess;
import org.kamaelia4j.axon.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a stage JVM of an introspected parent: reports this JVM's snapshot and topology changes to
 * the parent's introspection server, and carries out the commands the parent forwards.
 *
 * <pre>{@code
 * // started by AutoStarter when the environment holds K4J_INTROSPECT_REPORT (set by the parent):
 * ChildReporter.start(scheduler, "http://127.0.0.1:41527/api/report?token=...");
 * }</pre>
 *
 * <p>A daemon thread POSTs {@code {"jvm": snapshot, "topology": [lines], "acks": [answers]}} to
 * the parent every {@value #PERIOD_MILLIS} ms; the reply lists the commands to run here, whose
 * answers go with the next report (at once). The JVM's id is the stage name (with a suffix such as
 * {@code -2} while another stage JVM of the parent has that name), from
 * {@code K4J_INTROSPECT_JVM}; its components' ids are {@code stage:id}. When the parent cannot be
 * reached the reporter keeps trying quietly: the stage never depends on it.
 */
final class ChildReporter {

    /** The environment variable holding the parent's report URL. */
    static final String REPORT_ENV = "K4J_INTROSPECT_REPORT";
    /** The environment variable holding this JVM's id (the stage name). */
    static final String JVM_ENV = "K4J_INTROSPECT_JVM";
    static final long PERIOD_MILLIS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(ChildReporter.class);

    private final Scheduler scheduler;
    private final URI target;
    private final String jvmId;
    private final Rates rates = new Rates();
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final List<Object> acks = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private long lastSample;

    private ChildReporter(Scheduler scheduler, String target) {
        this.scheduler = scheduler;
        this.target = URI.create(target);
        String jvm = System.getenv(JVM_ENV);
        this.jvmId = jvm == null || jvm.isEmpty() ? "pid" + ProcessHandle.current().pid() : jvm;
    }

    /** Starts reporting {@code scheduler} to {@code target} on a daemon thread. */
    static void start(Scheduler scheduler, String target) {
        ChildReporter r = new ChildReporter(scheduler, target);
        Registry registry = Registry.get();
        registry.adopt(scheduler.microprocesses());
        registry.subscribe(r.lines::addAll);
        Thread.ofPlatform().daemon().name("k4j-introspection-report").start(r::loop);
    }

    private void loop() {
        boolean again = false;
        while (true) {
            try {
                if (!again) {
                    Thread.sleep(PERIOD_MILLIS);
                }
                again = reportOnce();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.debug("report to the introspecting parent failed", e);
                again = false;
            }
        }
    }

    /** Sends one report and runs the commands in the reply; true when there are answers to send. */
    private boolean reportOnce() throws Exception {
        long now = System.nanoTime();
        if (now - lastSample >= 1_000_000_000L) {
            rates.sample(Snapshot.components(scheduler));
            lastSample = now;
        }
        Map<String, Object> jvm = Snapshot.of(scheduler, jvmId, "stage " + jvmId + " (pid "
                + ProcessHandle.current().pid() + ")", rates);
        jvm.put("stage", stageComponent());
        List<String> batch = new ArrayList<>();
        for (String line; (line = lines.poll()) != null; ) {
            batch.add(line);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("jvm", jvm);
        report.put("topology", batch);
        report.put("acks", List.copyOf(acks));
        acks.clear();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(report))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            LOG.debug("the introspecting parent answered {}: {}", response.statusCode(), response.body());
            return false;
        }
        for (Object c : Json.array(Json.object(Json.parse(response.body())).get("commands"))) {
            Map<String, Object> command = Json.object(c);
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("seq", command.get("seq"));
            try {
                Map<String, Object> local = new LinkedHashMap<>(command);
                local.put("component", Registry.id(find(String.valueOf(command.get("component")))));
                Commands.run(scheduler, local);
                ack.put("ok", true);
            } catch (IllegalArgumentException e) {
                ack.put("ok", false);
                ack.put("error", e.getMessage());
            }
            acks.add(ack);
        }
        return !acks.isEmpty();
    }

    /** The component with local id {@code id}, or an exception naming the ones there are. */
    private Component find(String id) {
        List<String> known = new ArrayList<>();
        for (Component c : Snapshot.components(scheduler)) {
            if (String.valueOf(c.id()).equals(id)) {
                return c;
            }
            known.add(Registry.id(c) + " (" + c.name() + ")");
        }
        throw new IllegalArgumentException("stage JVM '" + jvmId + "' has no running component '" + jvmId + ":" + id
                + "'; its components are " + known);
    }

    /** The id of the stage's component: the child of the stage host (the one root component). */
    private String stageComponent() {
        for (Microprocess mp : scheduler.microprocesses()) {
            if (mp instanceof Component c && c.getClass().getName().equals("org.kamaelia4j.process.StageHost")) {
                List<Component> kids = c.childComponents();
                return kids.isEmpty() ? null : Registry.id(kids.get(0));
            }
        }
        return null;
    }
}
