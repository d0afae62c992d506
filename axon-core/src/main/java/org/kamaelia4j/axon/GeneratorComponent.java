package org.kamaelia4j.axon;

/**
 * A component written as straight-line code, the closest Java gets to Axon's generator
 * {@code main()}: loops and local variables survive across suspensions.
 *
 * <pre>{@code
 * final class Summer extends GeneratorComponent {
 *     protected void body() {
 *         int total = 0;
 *         while (true) {
 *             pauseUntilData();                        // sleeps until a message arrives
 *             if (dataReady(CONTROL)) break;           // read control first (see Component)
 *             while (dataReady()) total += this.<Integer>recv();
 *             yieldNow();                              // let others run
 *         }
 *         while (dataReady()) total += this.<Integer>recv();
 *         send(total);
 *         send(recv(CONTROL), SIGNAL);
 *     }
 * }
 * }</pre>
 *
 * <p>Inside {@link #body()}: {@link #yieldNow()} gives up the time slice (Axon's {@code yield 1});
 * {@link #pauseUntilData()} sleeps until any inbox holds a message ({@code self.pause(); yield});
 * {@link #receive(String)} waits for and takes a message from one inbox. When {@code body()}
 * returns the component is finished; if it throws, the component fails like any other (its
 * {@code ErrorInformation} goes out on {@code signal}).
 *
 * <h2>How it works</h2>
 * Each slice resumes the body where it last suspended and runs it until it suspends again. With
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} the body runs on the JDK's own
 * continuations, on the worker's thread; otherwise on a virtual thread that takes turns with the
 * worker. The choice is logged once at INFO; {@link Mode} forces one. Either way the body runs
 * only during its component's slices, so it follows the same threading rules as {@code main()}.
 * A body must not suspend inside {@code synchronized} (the continuation would be pinned).
 */
public abstract class GeneratorComponent extends Component {

    /** Which machinery runs the body. */
    public enum Mode {
        /** Continuations when the JVM exports them, else virtual threads. */
        AUTO,
        /** Continuations; fails at construction when the JVM does not export them. */
        CONTINUATION,
        /** A virtual thread per component, taking turns with the scheduler's worker. */
        VIRTUAL_THREAD
    }

    private final Strand strand;
    private Step requested;
    private Throwable failure;

    /** A generator component with the standard boxes. */
    protected GeneratorComponent() {
        this(Boxes.standard(), Mode.AUTO);
    }

    /** A generator component with the declared boxes. */
    protected GeneratorComponent(Boxes boxes) {
        this(boxes, Mode.AUTO);
    }

    /** A generator component with the declared boxes, run by the given machinery. */
    protected GeneratorComponent(Boxes boxes, Mode mode) {
        super(boxes);
        this.strand = Strand.create(mode, this::runBody);
    }

    /** The component's code, from start to finish. */
    protected abstract void body() throws Exception;

    /** Gives up the rest of this time slice; the body continues in a later one. */
    protected final void yieldNow() {
        suspendFor(Step.CONTINUE);
    }

    /** Sleeps until any inbox holds a message; returns at once if one does already. */
    protected final void pauseUntilData() {
        while (anyReady() == null) {
            suspendFor(Step.PAUSE);
        }
    }

    /** Waits until {@code inbox} holds a message and takes it. */
    protected final <T> T receive(String inbox) {
        while (!dataReady(inbox)) {
            suspendFor(Step.PAUSE);
        }
        return recv(inbox);
    }

    /** Waits until {@code "inbox"} holds a message and takes it. */
    protected final <T> T receive() {
        return receive(INBOX);
    }

    @Override
    protected final Step main() throws Exception {
        requested = Step.DONE;
        boolean ended = strand.resume();
        Throwable thrown = failure;
        if (thrown instanceof Exception e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return ended ? Step.DONE : requested;
    }

    private void suspendFor(Step step) {
        requested = step;
        strand.suspend();
    }

    private void runBody() {
        try {
            body();
        } catch (Throwable t) {
            if (t instanceof Strand.Abandoned unwinding) {
                throw unwinding;
            }
            failure = t;
        }
    }

    @Override
    void finished(Throwable cause) {
        try {
            super.finished(cause);
        } finally {
            strand.abandon();
        }
    }
}
