package org.kamaelia4j.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Instrumentation;
import org.kamaelia4j.axon.Linkage;
import org.kamaelia4j.axon.Microprocess;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Scheduler;

/**
 * Builds the JSON snapshot of one JVM's components and linkages (the {@code jvms[i]} object of
 * {@code GET /api/snapshot}).
 *
 * <pre>{@code
 * Map<String, Object> jvm = Snapshot.of(scheduler, "main", "my program", rates);
 * String json = Json.write(jvm);
 * }</pre>
 *
 * <p>A component's {@code state} is {@code FINISHED} or {@code FAILED} once it finished (the last
 * {@value Registry#FINISHED_KEPT} finished ones are listed), {@code PAUSED} while a user holds it
 * ({@code "held": true}) or while it sleeps waiting for messages, {@code BLOCKED} while it sleeps
 * after a send a full inbox refused, else {@code RUNNING} (running or waiting for a worker). A
 * link's {@code depth} and {@code rate} are those of the inbox its messages end up in (shared
 * by every link into it). Read-only; any thread; counters may lag by a slice.
 */
final class Snapshot {

    private Snapshot() {
    }

    /** The snapshot of the components on {@code scheduler}. */
    static Map<String, Object> of(Scheduler scheduler, String jvmId, String label, Rates rates) {
        List<Component> live = components(scheduler);
        List<Object> components = new ArrayList<>();
        List<Object> links = new ArrayList<>();
        for (Component c : live) {
            components.add(component(c, scheduler.isPaused(c) ? "PAUSED" : "RUNNING", null, jvmId, rates));
            for (Linkage l : c.linkages()) {
                links.add(link(l, rates));
            }
        }
        for (Registry.Finished f : Registry.get().finished()) {
            if (f.component().scheduler() == scheduler) {
                String state = f.failure() == null ? "FINISHED" : "FAILED";
                components.add(component(f.component(), state, f.failure(), jvmId, rates));
            }
        }
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("id", jvmId);
        jvm.put("pid", ProcessHandle.current().pid());
        jvm.put("label", label);
        jvm.put("components", components);
        jvm.put("links", links);
        return jvm;
    }

    /** The live components on {@code scheduler}. */
    static List<Component> components(Scheduler scheduler) {
        List<Component> out = new ArrayList<>();
        for (Microprocess mp : scheduler.microprocesses()) {
            if (mp instanceof Component c) {
                out.add(c);
            }
        }
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return out;
    }

    private static Map<String, Object> component(Component c, String baseState, Throwable failure, String jvmId,
            Rates rates) {
        Instrumentation.Stats st = Instrumentation.stats(c);
        String state = baseState;
        if (st != null && baseState.equals("PAUSED") && st.blocked() && !st.held()) {
            state = "BLOCKED";
        }
        if (st != null && st.held() && baseState.equals("RUNNING")) {
            state = "PAUSED";
        }
        Component parent = Instrumentation.parent(c);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Registry.id(c));
        m.put("name", c.name());
        m.put("type", c.getClass().getName());
        m.put("parent", parent == null ? null : Registry.id(parent));
        m.put("jvm", jvmId);
        m.put("state", state);
        m.put("held", st != null && st.held());
        m.put("activations", st == null ? 0 : st.activations());
        m.put("busyNanos", st == null ? 0 : st.busyNanos());
        m.put("error", failure == null ? null : failure.toString());
        List<Object> inboxes = new ArrayList<>();
        for (String box : c.inboxNames()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("name", box);
            b.put("description", c.describe(box));
            b.put("depth", Instrumentation.depth(c, box));
            b.put("capacity", c.inboxCapacity(box));
            b.put("rate", rates.rate(c, box));
            inboxes.add(b);
        }
        List<Object> outboxes = new ArrayList<>();
        for (String box : c.outboxNames()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("name", box);
            b.put("description", c.describe(box));
            outboxes.add(b);
        }
        m.put("inboxes", inboxes);
        m.put("outboxes", outboxes);
        return m;
    }

    private static Map<String, Object> link(Linkage l, Rates rates) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", Registry.id(l.source()));
        m.put("fromBox", l.sourceBox());
        m.put("to", Registry.id(l.sink()));
        m.put("toBox", l.sinkBox());
        m.put("kind", l.passthrough() == Passthrough.INBOUND ? "passthrough-in"
                : l.passthrough() == Passthrough.OUTBOUND ? "passthrough-out" : "normal");
        m.put("crossJvm", false);
        Component sink = Instrumentation.finalSink(l);
        String box = Instrumentation.finalSinkBox(l);
        m.put("depth", sink == null ? 0 : Instrumentation.depth(sink, box));
        m.put("rate", sink == null ? 0 : rates.rate(sink, box));
        return m;
    }
}
