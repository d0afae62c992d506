package org.kamaelia4j.benchmarks;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.GeneratorComponent;
import org.kamaelia4j.axon.Step;

/**
 * Components that do nothing but ask for slices: what the {@code generator-resume} workload and
 * its JMH counterpart time, so that both measure the same code.
 *
 * <pre>{@code
 * new Slices.Yielder(1_000_000, GeneratorComponent.Mode.CONTINUATION).activate(scheduler);
 * new Slices.Slicer(1_000_000).activate(scheduler);
 * scheduler.run();
 * }</pre>
 */
public final class Slices {

    private Slices() {
    }

    /** A generator component that yields {@code n} times, then finishes. */
    public static final class Yielder extends GeneratorComponent {
        private final long n;

        /** Yields {@code n} times in {@code mode}. */
        public Yielder(long n, Mode mode) {
            super(Boxes.standard(), mode);
            this.n = n;
        }

        @Override
        protected void body() {
            for (long i = 0; i < n; i++) {
                yieldNow();
            }
        }
    }

    /** A plain component whose slices return {@code CONTINUE} until the {@code n}-th, which returns {@code DONE}. */
    public static final class Slicer extends Component {
        private long left;

        /** Runs {@code n} slices. */
        public Slicer(long n) {
            this.left = n;
        }

        @Override
        protected Step main() {
            return --left > 0 ? Step.CONTINUE : Step.DONE;
        }
    }
}
