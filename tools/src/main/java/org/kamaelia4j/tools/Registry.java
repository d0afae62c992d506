package org.kamaelia4j.tools;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Instrumentation;
import org.kamaelia4j.axon.Linkage;
import org.kamaelia4j.axon.Microprocess;
import org.kamaelia4j.axon.Passthrough;

/**
 * The JVM's live topology, kept from the core's {@link Instrumentation} events, and the fan-out
 * of those events to subscribers as lines of Kamaelia's {@link Topology} protocol.
 *
 * <pre>{@code
 * AutoCloseable sub = Registry.get().subscribe(lines -> lines.forEach(System.out::println));
 * }</pre>
 *
 * <p>Each event becomes one batch of lines, ordered as Axon's Introspector ordered them: links
 * removed, then nodes removed, then nodes added, then links added. A linkage made before both its
 * components were activated is held back until they are, so that no line names a node the
 * receiver has not been told about. A new subscriber first gets {@code DEL ALL} and the current
 * state, then every later event: the graph is never rescanned.
 *
 * <p>It also remembers the last {@value #FINISHED_KEPT} components that finished, with what they
 * threw, for snapshots. Threading: events arrive on any thread (links under the core's topology
 * lock); everything here runs under this object's lock, and subscribers are called under it, so
 * they must only queue the lines.
 */
final class Registry implements Instrumentation.Listener {

    static final int FINISHED_KEPT = 64;
    private static final Registry INSTANCE = new Registry();

    /** A component that finished, with what it threw (or null). */
    record Finished(Component component, Throwable failure) {
    }

    private final Map<Component, Boolean> announced = new LinkedHashMap<>();
    private final Set<Linkage> shown = new LinkedHashSet<>();
    private final Set<Linkage> pending = new LinkedHashSet<>();
    private final Deque<Finished> finished = new ArrayDeque<>();
    private final List<Consumer<List<String>>> subscribers = new CopyOnWriteArrayList<>();

    private Registry() {
    }

    /** The JVM's registry, installed as the instrumentation listener on first use. */
    static Registry get() {
        synchronized (INSTANCE) {
            if (!Instrumentation.enabled()) {
                Instrumentation.enable(INSTANCE);
            }
        }
        return INSTANCE;
    }

    /** The id used for {@code c} in snapshots and protocol lines. */
    static String id(Component c) {
        return Ids.PREFIX + c.id();
    }

    /** Takes in components activated before the registry was installed, with their linkages. */
    synchronized void adopt(List<? extends Microprocess> running) {
        for (Microprocess mp : running) {
            Instrumentation.track(mp);
            activated(mp);
        }
        for (Microprocess mp : running) {
            if (mp instanceof Component c) {
                c.linkages().forEach(this::linked);
            }
        }
    }

    /** Subscribes to topology batches; the first batch is {@code DEL ALL} and the current state. */
    synchronized AutoCloseable subscribe(Consumer<List<String>> subscriber) {
        List<String> lines = new ArrayList<>();
        lines.add(Topology.DEL_ALL);
        announced.keySet().forEach(c -> addNode(c, lines));
        shown.forEach(l -> lines.add(linkLine(l, true)));
        subscriber.accept(lines);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** The components that finished lately, oldest first. */
    synchronized List<Finished> finished() {
        return List.copyOf(finished);
    }

    @Override
    public synchronized void activated(Microprocess mp) {
        if (!(mp instanceof Component c) || announced.containsKey(c)) {
            return;
        }
        List<String> lines = new ArrayList<>();
        announced.put(c, Boolean.TRUE);
        addNode(c, lines);
        for (Linkage l : List.copyOf(pending)) {
            if (announced.containsKey(l.source()) && announced.containsKey(l.sink())) {
                pending.remove(l);
                shown.add(l);
                lines.add(linkLine(l, true));
            }
        }
        publish(lines);
    }

    @Override
    public synchronized void finished(Microprocess mp, Throwable failure) {
        if (!(mp instanceof Component c)) {
            return;
        }
        finished.addLast(new Finished(c, failure));
        while (finished.size() > FINISHED_KEPT) {
            finished.removeFirst();
        }
        if (announced.remove(c) == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Linkage l : List.copyOf(shown)) {
            if (l.source() == c || l.sink() == c) {
                shown.remove(l);
                lines.add(linkLine(l, false));
            }
        }
        pending.removeIf(l -> l.source() == c || l.sink() == c);
        String id = id(c);
        c.inboxNames().forEach(box -> lines.add(Topology.delNode(Topology.boxId(id, true, box))));
        c.outboxNames().forEach(box -> lines.add(Topology.delNode(Topology.boxId(id, false, box))));
        lines.add(Topology.delNode(id));
        publish(lines);
    }

    @Override
    public synchronized void linked(Linkage linkage) {
        if (announced.containsKey(linkage.source()) && announced.containsKey(linkage.sink())) {
            if (shown.add(linkage)) {
                publish(List.of(linkLine(linkage, true)));
            }
        } else {
            pending.add(linkage);
        }
    }

    @Override
    public synchronized void unlinked(Linkage linkage) {
        pending.remove(linkage);
        if (shown.remove(linkage)) {
            publish(List.of(linkLine(linkage, false)));
        }
    }

    @Override
    public synchronized void boxChanged(Component owner, String box, boolean inbox, boolean added) {
        if (!announced.containsKey(owner)) {
            return;
        }
        String id = id(owner);
        String boxId = Topology.boxId(id, inbox, box);
        publish(added ? List.of(Topology.addBox(boxId, box, inbox), Topology.addLink(id, boxId))
                : List.of(Topology.delNode(boxId)));
    }

    private void publish(List<String> lines) {
        for (Consumer<List<String>> s : subscribers) {
            s.accept(lines);
        }
    }

    private static void addNode(Component c, List<String> lines) {
        String id = id(c);
        lines.add(Topology.addComponent(id, c.name()));
        for (String box : c.inboxNames()) {
            String boxId = Topology.boxId(id, true, box);
            lines.add(Topology.addBox(boxId, box, true));
            lines.add(Topology.addLink(id, boxId));
        }
        for (String box : c.outboxNames()) {
            String boxId = Topology.boxId(id, false, box);
            lines.add(Topology.addBox(boxId, box, false));
            lines.add(Topology.addLink(id, boxId));
        }
    }

    private static String linkLine(Linkage l, boolean add) {
        boolean fromInbox = l.passthrough() == Passthrough.INBOUND;
        boolean toInbox = l.passthrough() != Passthrough.OUTBOUND;
        String from = Topology.boxId(id(l.source()), fromInbox, l.sourceBox());
        String to = Topology.boxId(id(l.sink()), toInbox, l.sinkBox());
        return add ? Topology.addLink(from, to) : Topology.delLink(from, to);
    }

    /** The id prefix of this JVM: empty in the main JVM, the stage name and a colon in a stage JVM. */
    static final class Ids {
        static final String PREFIX = prefix();

        private Ids() {
        }

        private static String prefix() {
            String jvm = System.getenv(ChildReporter.JVM_ENV);
            return jvm == null || jvm.isEmpty() ? "" : jvm + ":";
        }
    }
}
