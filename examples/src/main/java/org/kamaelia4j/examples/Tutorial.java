package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.util.List;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Graphline;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;
import org.kamaelia4j.process.ProcessPipeline;
import org.kamaelia4j.process.Stage;
import org.kamaelia4j.stm.Store;
import org.kamaelia4j.stm.Value;
import org.kamaelia4j.tools.Introspection;
import org.kamaelia4j.tools.IntrospectionServer;
import org.kamaelia4j.tools.Options;

/**
 * {@code ./k4j example tutorial}: the README's tutorial, step by step, as one program. Each step
 * between a {@code tag::NAME[]} and an {@code end::NAME[]} comment is shown in the README word for
 * word (a test compares them), and {@code ExamplesTest} runs this program and checks what it
 * prints, so the README's code is code that runs.
 *
 * <ol>
 * <li>write a component: {@link Doubler};
 * <li>wire it into a {@link Pipeline} and a {@link Graphline};
 * <li>put stages in other JVMs with a {@link ProcessPipeline};
 * <li>share state through an STM {@link Store};
 * <li>serve the live graph to the introspector.
 * </ol>
 */
public final class Tutorial {

    private Tutorial() {
    }

    // tag::component[]
    /** Doubles every number it receives; passes a shutdown message on and finishes, as Axon's components do. */
    static final class Doubler extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                send(2 * this.<Integer>recv());
            }
            if (dataReady(CONTROL)) {
                Object m = recv(CONTROL);
                if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
                    send(m, SIGNAL);
                    return Step.DONE;
                }
            }
            return Step.PAUSE;    // sleep until a message arrives
        }
    }
    // end::component[]

    /** Step 2: a Pipeline. */
    static List<Object> pipeline() {
        // tag::pipeline[]
        Collector out = new Collector();
        new Pipeline(new DataSource(1, 2, 3), new Doubler(), out).run();
        System.out.println(out.collected());                    // [2, 4, 6]
        // end::pipeline[]
        return out.collected();
    }

    /** Step 3: the same as a Graphline, where every link is named. */
    static List<Object> graphline() {
        // tag::graphline[]
        Collector out = new Collector();
        Graphline.builder()
                .component("numbers", new DataSource(1, 2, 3))
                .component("double", new Doubler())
                .component("again", new Doubler())
                .component("out", out)
                .link("numbers", "outbox", "double", "inbox")
                .link("numbers", "signal", "double", "control")
                .link("double", "outbox", "again", "inbox")
                .link("double", "signal", "again", "control")
                .link("again", "outbox", "out", "inbox")
                .link("again", "signal", "out", "control")
                .build()
                .run();
        System.out.println(out.collected());                    // [4, 8, 12]
        // end::graphline[]
        return out.collected();
    }

    /** Step 4: two stages in two other JVMs, linked by Chronicle queues. */
    static List<Object> processPipeline() {
        // tag::process[]
        Collector out = new Collector();
        new Pipeline(
                new DataSource(1, 2, 3),
                ProcessPipeline.of(Stage.of(Doubler::new).named("double"), Stage.of(Doubler::new).named("again")),
                out).run();
        System.out.println(out.collected());                    // [4, 8, 12], doubled in two other JVMs
        // end::process[]
        return out.collected();
    }

    /** Step 5: shared state in an STM store. */
    static Object stm() {
        // tag::stm[]
        Store store = new Store();
        Value<Integer> hits = store.usevar("hits");            // a new key: version 0, value null
        hits.set(1);
        hits.commit();                                          // now version 1
        int total = store.atomically(keys -> {                  // redone if "hits" changes meanwhile
            int now = keys.<Integer>get("hits") + 1;
            keys.set("hits", now);
            return now;
        }, "hits");
        System.out.println(total + " " + store.export());       // 2 {hits={version=2, value=2}}
        // end::stm[]
        return store.export();
    }

    /** Step 6: the live graph in a browser while it runs. */
    static String introspect() {
        // tag::introspect[]
        Scheduler scheduler = Scheduler.create(2);
        new Pipeline(new DataSource(1, 2, 3), new Doubler(), new Collector()).activate(scheduler);
        try (IntrospectionServer server = Introspection.serve(scheduler, Options.defaults().allowControl(true))) {
            System.out.println("open " + server.url());         // http://127.0.0.1:PORT/?token=...
            scheduler.run();
        }
        // end::introspect[]
        return "ok";
    }

    /** Runs every step, printing what each gives. */
    static void run(PrintStream out) {
        out.println("pipeline: " + pipeline());
        out.println("graphline: " + graphline());
        out.println("process pipeline: " + processPipeline());
        out.println("stm: " + stm());
        out.println("introspect: " + introspect());
    }

    /** {@code ./k4j example tutorial}. */
    public static void main(String[] args) {
        run(System.out);
    }
}
