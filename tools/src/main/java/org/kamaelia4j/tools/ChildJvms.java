package org.kamaelia4j.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.process.ProcessNetwork;

/**
 * The parent's view of the stage JVMs that report to it (see {@link ChildReporter}): their last
 * snapshots, the commands waiting for them, and the links between JVMs.
 *
 * <pre>{@code
 * Map<String, Object> answer = children.report(Json.object(Json.parse(body)));   // POST /api/report
 * children.forward("double", command);         // blocks until the stage JVM answered
 * }</pre>
 *
 * <p>A report carries the stage JVM's snapshot, its new topology lines and the answers to the
 * commands it was given; the reply carries the next commands. A JVM that has not reported for
 * {@value #STALE_MILLIS} ms, or whose process is gone, is dropped. Cross-JVM links are worked out
 * from the {@link ProcessNetwork}s running in the parent: each declared link joins the network
 * component ({@code self}) or the stage component of the JVM whose pid the network gives for
 * that stage. Thread-safe.
 */
final class ChildJvms {

    static final long STALE_MILLIS = 5000;
    private static final long ANSWER_SECONDS = 15;

    private final Map<String, Child> children = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Map<String, Object>>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong seqs = new AtomicLong();
    private final Consumer<String> topology;

    private static final class Child {
        volatile Map<String, Object> snapshot;
        volatile long lastSeen;
        final ConcurrentLinkedQueue<Map<String, Object>> commands = new ConcurrentLinkedQueue<>();
    }

    /** {@code topology} gets every topology line a stage JVM reports. */
    ChildJvms(Consumer<String> topology) {
        this.topology = topology;
    }

    /** Takes in one report; returns the reply with the commands for that JVM. */
    @SuppressWarnings("unchecked")
    Map<String, Object> report(Map<String, Object> report) {
        Map<String, Object> jvm = Json.object(report.get("jvm"));
        String id = String.valueOf(jvm.get("id"));
        Child child = children.computeIfAbsent(id, k -> new Child());
        child.snapshot = jvm;
        child.lastSeen = System.currentTimeMillis();
        Object lines = report.get("topology");
        if (lines instanceof List<?> list) {
            for (Object line : list) {
                if (!Topology.DEL_ALL.equals(line)) {
                    topology.accept(String.valueOf(line));
                }
            }
        }
        Object acks = report.get("acks");
        if (acks instanceof List<?> list) {
            for (Object ack : list) {
                Map<String, Object> a = (Map<String, Object>) ack;
                CompletableFuture<Map<String, Object>> f = waiting.remove(((Number) a.get("seq")).longValue());
                if (f != null) {
                    f.complete(a);
                }
            }
        }
        List<Object> commands = new ArrayList<>();
        for (Map<String, Object> c; (c = child.commands.poll()) != null; ) {
            commands.add(c);
        }
        return Map.of("commands", commands);
    }

    /** True when {@code componentId} names a component of a stage JVM ({@code jvm:id}). */
    static boolean isRemote(String componentId) {
        return componentId != null && componentId.contains(":");
    }

    /**
     * Hands the command to the stage JVM owning its component and waits for the answer.
     *
     * @throws IllegalArgumentException when no such JVM reports, or the command failed there
     * @throws IllegalStateException    when the JVM did not answer in time
     */
    void forward(Map<String, Object> command) throws InterruptedException {
        String component = String.valueOf(command.get("component"));
        String jvm = component.substring(0, component.indexOf(':'));
        Child child = live().get(jvm);
        if (child == null) {
            throw new IllegalArgumentException("no stage JVM '" + jvm + "' reports here; the JVMs are main and "
                    + live().keySet());
        }
        long seq = seqs.incrementAndGet();
        Map<String, Object> sent = new LinkedHashMap<>(command);
        sent.put("seq", seq);
        sent.put("component", component.substring(component.indexOf(':') + 1));
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        waiting.put(seq, answer);
        child.commands.add(sent);
        try {
            Map<String, Object> a = answer.get(ANSWER_SECONDS, TimeUnit.SECONDS);
            if (!Boolean.TRUE.equals(a.get("ok"))) {
                throw new IllegalArgumentException(String.valueOf(a.get("error")));
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("stage JVM '" + jvm + "' did not answer within " + ANSWER_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            waiting.remove(seq);
        }
    }

    /** The snapshots of the live stage JVMs, with {@code crossJvm} links added to {@code main}'s links. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> snapshots(Scheduler scheduler, Map<String, Object> main) {
        Map<String, Child> live = live();
        List<Map<String, Object>> out = new ArrayList<>();
        live.values().forEach(c -> out.add(c.snapshot));
        List<Object> links = (List<Object>) main.get("links");
        for (Component c : Snapshot.components(scheduler)) {
            if (c instanceof ProcessNetwork network) {
                for (ProcessNetwork.Link l : network.links()) {
                    Optional<Endpoint> from = endpoint(network, l.from(), l.fromBox(), live);
                    Optional<Endpoint> to = endpoint(network, l.to(), l.toBox(), live);
                    if (from.isPresent() && to.isPresent()) {
                        links.add(crossLink(from.get(), to.get()));
                    }
                }
            }
        }
        return out;
    }

    private record Endpoint(String component, String box, Map<String, Object> inbox) {
    }

    @SuppressWarnings("unchecked")
    private static Optional<Endpoint> endpoint(ProcessNetwork network, String stage, String box,
            Map<String, Child> live) {
        if (stage.equals(ProcessNetwork.SELF)) {
            return Optional.of(new Endpoint(Registry.id(network), box, null));
        }
        Optional<ProcessHandle> process = network.stageProcess(stage);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        long pid = process.get().pid();
        for (Child child : live.values()) {
            Map<String, Object> jvm = child.snapshot;
            if (jvm.get("stage") != null && jvm.get("pid") instanceof Number n && n.longValue() == pid) {
                String id = String.valueOf(jvm.get("stage"));
                Map<String, Object> inbox = null;
                for (Object o : (List<Object>) jvm.get("components")) {
                    Map<String, Object> comp = (Map<String, Object>) o;
                    if (id.equals(comp.get("id"))) {
                        for (Object b : (List<Object>) comp.get("inboxes")) {
                            if (box.equals(((Map<String, Object>) b).get("name"))) {
                                inbox = (Map<String, Object>) b;
                            }
                        }
                    }
                }
                return Optional.of(new Endpoint(id, box, inbox));
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> crossLink(Endpoint from, Endpoint to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from.component());
        m.put("fromBox", from.box());
        m.put("to", to.component());
        m.put("toBox", to.box());
        m.put("kind", "normal");
        m.put("crossJvm", true);
        m.put("depth", to.inbox() == null ? 0 : to.inbox().get("depth"));
        m.put("rate", to.inbox() == null ? 0 : to.inbox().get("rate"));
        return m;
    }

    private Map<String, Child> live() {
        long now = System.currentTimeMillis();
        children.entrySet().removeIf(e -> now - e.getValue().lastSeen > STALE_MILLIS
                || !(e.getValue().snapshot.get("pid") instanceof Number pid)
                || ProcessHandle.of(pid.longValue()).map(p -> !p.isAlive()).orElse(true));
        return Map.copyOf(children);
    }
}
