package org.kamaelia4j.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kamaelia4j.axon.Boxes;

/**
 * A Pipeline whose components each run in their own JVM (Kamaelia's experimental
 * {@code ProcessPipeline}, made real: bounded, back-pressured, fault-reporting and terminating).
 *
 * <pre>{@code
 * Collector out = new Collector();
 * new Pipeline(
 *     new DataSource(List.of(1, 2, 3)),
 *     ProcessPipeline.of(
 *         Stage.of(() -> new Doubler()).named("double"),
 *         Stage.of(() -> new Incrementer()).named("inc").restart(RestartPolicy.upTo(2))),
 *     out
 * ).run();                                   // out.collected() is [3, 5, 7]
 * }</pre>
 *
 * <p>The wiring is Pipeline's: each stage's {@code outbox} to the next one's {@code inbox} and its
 * {@code signal} to the next one's {@code control}; the ProcessPipeline's own {@code inbox} and
 * {@code control} lead to the first stage, and the last stage's {@code outbox} and {@code signal}
 * come out of the ProcessPipeline's. Every one of those links crosses a JVM boundary through a
 * Chronicle queue. Unnamed stages are called {@code stage0}, {@code stage1}, ... How it runs,
 * finishes and fails, and what is guaranteed about delivery, is described in
 * {@link ProcessNetwork}.
 */
public final class ProcessPipeline extends ProcessNetwork {

    private ProcessPipeline(NetworkPlan plan) {
        super(plan);
    }

    /** A pipeline of the stages, in order, with default {@link LinkOptions}. */
    public static ProcessPipeline of(Stage... stages) {
        return of(LinkOptions.defaults(), stages);
    }

    /**
     * A pipeline of the stages, in order, with links set up as {@code options} say.
     *
     * @throws IllegalArgumentException when there are no stages, two have the same name, or a stage
     *                                  lacks one of the standard boxes or cannot be serialized
     */
    public static ProcessPipeline of(LinkOptions options, Stage... stages) {
        if (stages.length == 0) {
            throw new IllegalArgumentException("a ProcessPipeline needs at least one stage");
        }
        Map<String, Stage> named = new LinkedHashMap<>();
        for (int i = 0; i < stages.length; i++) {
            Stage stage = stages[i];
            String name = stage.name() != null ? stage.name() : "stage" + i;
            if (named.put(name, stage.name() != null ? stage : stage.named(name)) != null) {
                throw new IllegalArgumentException("two stages of a ProcessPipeline are named '" + name
                        + "'; stage names must be unique");
            }
        }
        List<String> names = List.copyOf(named.keySet());
        List<NetworkPlan.Declared> links = new ArrayList<>();
        for (int i = 0; i + 1 < names.size(); i++) {
            links.add(new NetworkPlan.Declared(names.get(i), OUTBOX, names.get(i + 1), INBOX));
            links.add(new NetworkPlan.Declared(names.get(i), SIGNAL, names.get(i + 1), CONTROL));
        }
        String first = names.get(0);
        String last = names.get(names.size() - 1);
        links.add(new NetworkPlan.Declared(LinkSpec.SELF, INBOX, first, INBOX));
        links.add(new NetworkPlan.Declared(LinkSpec.SELF, CONTROL, first, CONTROL));
        links.add(new NetworkPlan.Declared(last, OUTBOX, LinkSpec.SELF, OUTBOX));
        links.add(new NetworkPlan.Declared(last, SIGNAL, LinkSpec.SELF, SIGNAL));
        return new ProcessPipeline(NetworkPlan.of(Boxes.standard(), named, links, options));
    }
}
