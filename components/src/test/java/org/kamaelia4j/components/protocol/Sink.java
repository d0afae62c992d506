package org.kamaelia4j.components.protocol;

import java.util.ArrayList;
import java.util.List;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.Ipc;
import org.kamaelia4j.components.util.DataSource;

/** Collects what arrives on inbox and finishes on any Ipc message on control, which it keeps. */
final class Sink extends Component {

    /** A hang guard for tests that wait on a Handle, not a timing assertion. */
    static final java.time.Duration GUARD = java.time.Duration.ofSeconds(30);

    final List<Object> received = new ArrayList<>();
    Object end;

    @Override
    protected Step main() {
        while (dataReady()) {
            received.add(recv());
        }
        if (dataReady(CONTROL) && recv(CONTROL) instanceof Ipc ipc) {
            end = ipc;
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    /** Runs source -> stages -> a sink to completion and returns the sink. */
    static Sink drive(List<?> input, Component... stages) {
        Sink sink = new Sink();
        Component[] chain = new Component[stages.length + 2];
        chain[0] = new DataSource(input);
        System.arraycopy(stages, 0, chain, 1, stages.length);
        chain[chain.length - 1] = sink;
        new Pipeline(chain).run();
        return sink;
    }
}
