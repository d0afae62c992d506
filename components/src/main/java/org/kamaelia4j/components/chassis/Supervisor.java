package org.kamaelia4j.components.chassis;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.kamaelia4j.axon.AdaptiveCommsComponent;
import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Keeps child components running, restarting them from their factories when they fail, the way
 * an Erlang/OTP supervisor does. Axon has no such component.
 *
 * <pre>{@code
 * Supervisor sup = Supervisor.builder()
 *     .strategy(Supervisor.Strategy.ONE_FOR_ONE)
 *     .intensity(5, Duration.ofSeconds(10))            // more than 5 restarts in 10 s: give up
 *     .child("parser", LineParser::new)                // TRANSIENT: restarted only when it fails
 *     .child("stats", StatsKeeper::new, Supervisor.Restart.PERMANENT)
 *     .build();
 * new Pipeline(new DataSource(lines), sup, new Collector()).run();
 * }</pre>
 *
 * <h2>Failure</h2>
 * A child fails when its {@code main()} throws: the core then sends {@code ErrorInformation} on
 * the child's {@code signal} and finishes it. The supervisor links each child's {@code signal} to
 * an inbox of its own (one per incarnation, added and deleted at run time: it is an
 * {@link AdaptiveCommsComponent}); when a child has finished, an {@code ErrorInformation} among
 * what it sent there makes the end a failure, anything else (say {@code ProducerFinished}) a
 * normal end. Whether an ended child is started again depends on its {@link Restart} type:
 * {@code PERMANENT} always, {@code TRANSIENT} (the default) only after a failure,
 * {@code TEMPORARY} never. Which other children restart with it depends on the {@link Strategy}.
 * Siblings that must restart are asked to stop with {@code ShutdownMicroprocess} on their
 * {@code control} (so they should follow Axon's shutdown convention); once all of them have, the
 * children restart in the order they were declared. A sibling's end while the supervisor stops it
 * is not a failure of its own.
 *
 * <h2>Restart intensity</h2>
 * At most {@code maxRestarts} restarts within any {@code period} (OTP's intensity and period;
 * default 1 in 5 s). A restart of a group counts once. When one more would be needed the
 * supervisor gives up: it stops every remaining child ({@code stop()}), sends
 * {@code ErrorInformation} naming the last failure on its own {@code signal}, and finishes.
 *
 * <h2>Boxes</h2>
 * The supervisor's {@code inbox} routes to the current incarnation of the <em>first</em> child,
 * which makes a supervised worker usable inside a Pipeline: messages sent while that child is
 * being restarted wait in the supervisor, and messages the finished incarnation had not yet taken
 * from its inbox are handed to the next incarnation first, in order. Only the message being
 * processed when a child failed is lost (as in OTP). If the first child ends for good, messages
 * for it stay in the supervisor's inbox. Every child's {@code outbox} leads out through the
 * supervisor's {@code outbox}.
 *
 * <h2>Shutdown</h2>
 * {@code ShutdownMicroprocess} on {@code control} means stop now: it is passed to every running
 * child, nothing restarts any more, and messages still waiting for the first child are dropped.
 * {@code ProducerFinished} means no more input: the first child gets it only after every message
 * that arrived before it, and the others at once; a child that then finishes normally is done for
 * good, whatever its restart type, but one that fails is still restarted (and gets the
 * {@code ProducerFinished} again), so no message is lost to a late failure. Once every child has
 * finished the supervisor passes the message on on {@code signal} and finishes. When every child
 * has ended for good on its own (say transient children that finished normally) it sends
 * {@code ProducerFinished} and finishes. If the supervisor itself fails or is stopped, its
 * children are stopped.
 *
 * <p>{@link #restarts()}, {@link #child(String)} and {@link #incarnations(String)} may be read
 * from any thread.
 */
public final class Supervisor extends AdaptiveCommsComponent {

    /** Which children restart when one must (OTP's restart strategies). */
    public enum Strategy {
        /** Only the child that ended. */
        ONE_FOR_ONE,
        /** Every child: the others are stopped first. */
        ONE_FOR_ALL,
        /** The child that ended and every child declared after it. */
        REST_FOR_ONE
    }

    /** When an ended child is started again (OTP's restart types). */
    public enum Restart {
        /** Always, whether it failed or finished normally (but a normal end after ProducerFinished is final). */
        PERMANENT,
        /** Only when it failed. */
        TRANSIENT,
        /** Never, not even when siblings restart. */
        TEMPORARY
    }

    /**
     * A child: its id (unique within the supervisor), a factory making each incarnation, and when to restart it.
     *
     * @param id      names the child in boxes, errors and {@link #child(String)}
     * @param factory makes a fresh, never activated component each call
     * @param restart when to start it again after it ended
     */
    public record ChildSpec(String id, Supplier<? extends Component> factory, Restart restart) {

        /** Checks the fields. */
        public ChildSpec {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a supervised child needs a non-empty id");
            }
            Objects.requireNonNull(factory, () -> "child '" + id + "' needs a factory");
            Objects.requireNonNull(restart, () -> "child '" + id + "' needs a restart type");
        }
    }

    private static final String TO_FIRST = "_toFirst";

    /** Where a child stands. */
    private enum State { RUNNING, TERMINATING, DOWN, GONE }

    /** A declared child and its current incarnation. */
    private static final class Slot {
        final ChildSpec spec;
        final int index;
        volatile Component current;
        volatile int incarnations;
        State state = State.DOWN;
        boolean seenEnded;
        boolean toldUpstreamDone;
        String signalBox;
        String controlBox;

        Slot(ChildSpec spec, int index) {
            this.spec = spec;
            this.index = index;
        }
    }

    private final Strategy strategy;
    private final int maxRestarts;
    private final Duration period;
    private final LongSupplier clock;
    private final List<Slot> slots = new ArrayList<>();
    private final ArrayDeque<Long> recentRestarts = new ArrayDeque<>();
    private final ArrayDeque<Object> forFirst = new ArrayDeque<>();
    private List<Slot> endedLastSlice = new ArrayList<>();
    private volatile int restarts;
    private boolean started;
    private ProducerFinished upstreamDone;
    private ShutdownMicroprocess stopNow;
    private ErrorInformation lastFailure;
    private String lastEnd = "none";

    private Supervisor(Builder b) {
        super(Boxes.builder()
                .inbox(INBOX, "messages for the current incarnation of the first child")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess: passed to every child; "
                        + "finish once they have")
                .outbox(OUTBOX, "what the children send on their outboxes")
                .outbox(SIGNAL, "the shutdown message received, ProducerFinished when every child ended for good, "
                        + "or ErrorInformation when the supervisor gave up")
                .outbox(TO_FIRST, "inbox messages, on to the first child's current incarnation")
                .build());
        this.strategy = b.strategy;
        this.maxRestarts = b.maxRestarts;
        this.period = b.period;
        this.clock = b.clock;
        for (ChildSpec spec : b.children) {
            slots.add(new Slot(spec, slots.size()));
        }
    }

    /** A builder: declare the children, optionally the strategy and the intensity. */
    public static Builder builder() {
        return new Builder();
    }

    /** How many restarts happened so far (a group restart counts once). */
    public int restarts() {
        return restarts;
    }

    /** The current incarnation of child {@code id}, or null while it has none. */
    public Component child(String id) {
        return slot(id).current;
    }

    /** How many times child {@code id} was started. */
    public int incarnations(String id) {
        return slot(id).incarnations;
    }

    private Slot slot(String id) {
        for (Slot s : slots) {
            if (s.spec.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException(name() + " supervises no child '" + id + "'; its children are "
                + slots.stream().map(s -> s.spec.id()).toList());
    }

    @Override
    protected Step main() {
        if (!started) {
            started = true;
            slots.forEach(this::start);
        }
        readControl();
        List<Slot> ended = endedLastSlice;
        endedLastSlice = new ArrayList<>();
        for (Slot s : ended) {
            if (!settle(s)) {
                return giveUp();
            }
        }
        restartWhenGroupStopped();
        pumpFirst();
        passOnUpstreamDone();
        for (Slot s : slots) {
            Component c = s.current;
            if (c != null && !s.seenEnded && c.isStopped()) {
                // What it sent before finishing is visible from our next slice on: settle it then.
                s.seenEnded = true;
                endedLastSlice.add(s);
            }
        }
        if (!endedLastSlice.isEmpty()) {
            return Step.CONTINUE;
        }
        if (slots.stream().allMatch(s -> s.state == State.GONE)) {
            Object last = stopNow != null ? stopNow : upstreamDone;
            send(last != null ? last : new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    private void readControl() {
        while (dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished done && upstreamDone == null) {
                upstreamDone = done;
            } else if (m instanceof ShutdownMicroprocess stop && stopNow == null) {
                stopNow = stop;
                forFirst.clear();
                for (Slot s : slots) {
                    if (s.state == State.RUNNING) {
                        terminate(s, stop);
                    } else if (s.state == State.DOWN) {
                        s.state = State.GONE;
                    }
                }
            }
        }
    }

    /** Gives each running child the ProducerFinished, the first one once it has all its input. */
    private void passOnUpstreamDone() {
        if (upstreamDone == null || stopNow != null) {
            return;
        }
        for (Slot s : slots) {
            boolean inputLeft = s.index == 0 && (!forFirst.isEmpty() || dataReady());
            if (s.state == State.RUNNING && !s.toldUpstreamDone && !inputLeft) {
                send(upstreamDone, s.controlBox);
                s.toldUpstreamDone = true;
            }
        }
    }

    /** Deals with a child that has finished; false when the restart it needs exceeds the intensity. */
    private boolean settle(Slot s) {
        Component old = s.current;
        boolean failed = false;
        while (dataReady(s.signalBox)) {
            if (recv(s.signalBox) instanceof ErrorInformation error) {
                failed = true;
                lastFailure = error;
            }
        }
        lastEnd = "child '" + s.spec.id() + "' " + (failed ? "failed: " + lastFailure.message() : "finished");
        if (s.index == 0) {
            salvageInbox(old);
        }
        removeChild(old);
        deleteInbox(s.signalBox);
        deleteOutbox(s.controlBox);
        s.current = null;
        if (s.state == State.TERMINATING) {
            s.state = stopNow != null || s.spec.restart() == Restart.TEMPORARY ? State.GONE : State.DOWN;
            return true;
        }
        Restart type = s.spec.restart();
        boolean restart = stopNow == null && type != Restart.TEMPORARY
                && (failed || (type == Restart.PERMANENT && upstreamDone == null));
        if (!restart) {
            s.state = State.GONE;
            return true;
        }
        if (!allowRestart()) {
            return false;
        }
        restarts++;
        s.state = State.DOWN;
        for (Slot other : group(s)) {
            if (other.state == State.RUNNING) {
                terminate(other, new ShutdownMicroprocess());
            }
        }
        return true;
    }

    /** Hands what the first child's finished incarnation had not taken to the next, ahead of the rest. */
    private void salvageInbox(Component old) {
        List<Object> left = new ArrayList<>();
        while (old.dataReady(INBOX)) {
            left.add(old.recv(INBOX));
        }
        for (int i = left.size() - 1; i >= 0; i--) {
            forFirst.addFirst(left.get(i));
        }
    }

    private List<Slot> group(Slot s) {
        return switch (strategy) {
            case ONE_FOR_ONE -> List.of();
            case ONE_FOR_ALL -> slots.stream().filter(o -> o != s).toList();
            case REST_FOR_ONE -> slots.subList(s.index + 1, slots.size());
        };
    }

    private boolean allowRestart() {
        long now = clock.getAsLong();
        while (!recentRestarts.isEmpty() && now - recentRestarts.peekFirst() > period.toNanos()) {
            recentRestarts.removeFirst();
        }
        if (recentRestarts.size() >= maxRestarts) {
            return false;
        }
        recentRestarts.addLast(now);
        return true;
    }

    private void restartWhenGroupStopped() {
        if (slots.stream().anyMatch(s -> s.state == State.TERMINATING)) {
            return;
        }
        for (Slot s : slots) {
            if (s.state == State.DOWN) {
                start(s);
            }
        }
    }

    private void start(Slot s) {
        String id = s.spec.id();
        Component c = s.spec.factory().get();
        if (c == null) {
            throw new IllegalStateException(name() + ": the factory of child '" + id + "' returned null");
        }
        s.signalBox = addInbox("_signal_" + id, "what child '" + id + "' sends on its signal");
        s.controlBox = addOutbox("_control_" + id, "shutdown messages for child '" + id + "'");
        addChildren(c);
        link(c, SIGNAL, this, s.signalBox);
        link(this, s.controlBox, c, CONTROL);
        link(c, OUTBOX, this, OUTBOX, Passthrough.OUTBOUND);
        if (s.index == 0) {
            link(this, TO_FIRST, c, INBOX);
        }
        s.state = State.RUNNING;
        s.seenEnded = false;
        s.toldUpstreamDone = false;
        s.incarnations++;
        s.current = c;
        c.activate(scheduler());
    }

    private void terminate(Slot s, Object message) {
        send(message, s.controlBox);
        s.state = State.TERMINATING;
    }

    /** Sends what waits for the first child on to it, as far as its inbox takes them. */
    private void pumpFirst() {
        if (slots.get(0).state != State.RUNNING) {
            return;
        }
        while (!forFirst.isEmpty()) {
            if (!offerFirst(forFirst.peekFirst())) {
                return;
            }
            forFirst.removeFirst();
        }
        while (dataReady()) {
            Object m = recv();
            if (!offerFirst(m)) {
                forFirst.addLast(m);
                return;
            }
        }
    }

    private boolean offerFirst(Object m) {
        try {
            send(m, TO_FIRST);
            return true;
        } catch (BoxFullException full) {
            return false;   // a recv there wakes us
        }
    }

    private Step giveUp() {
        stopChildren();
        send(new ErrorInformation(this, lastFailure == null ? null : lastFailure.exception(),
                name() + " gave up: more than " + maxRestarts + " restarts within " + period
                        + "; last: " + lastEnd), SIGNAL);
        return Step.DONE;
    }

    private void stopChildren() {
        for (Slot s : slots) {
            Component c = s.current;
            if (c != null) {
                c.stop();
                s.current = null;
            }
            s.state = State.GONE;
        }
    }

    @Override
    protected void closeDownComponent() {
        stopChildren();
    }

    /** Declares a supervisor's children, strategy and restart intensity. */
    public static final class Builder {

        private final List<ChildSpec> children = new ArrayList<>();
        private Strategy strategy = Strategy.ONE_FOR_ONE;
        private int maxRestarts = 1;
        private Duration period = Duration.ofSeconds(5);
        private LongSupplier clock = System::nanoTime;

        private Builder() {
        }

        /** How siblings restart; {@code ONE_FOR_ONE} unless set. */
        public Builder strategy(Strategy s) {
            this.strategy = Objects.requireNonNull(s, "strategy");
            return this;
        }

        /** At most {@code maxRestarts} restarts within any {@code period}; 1 in 5 s unless set. */
        public Builder intensity(int maxRestarts, Duration period) {
            if (maxRestarts < 0 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("Supervisor intensity needs maxRestarts >= 0 and a positive "
                        + "period, got " + maxRestarts + " in " + period);
            }
            this.maxRestarts = maxRestarts;
            this.period = period;
            return this;
        }

        /** A {@code TRANSIENT} child. */
        public Builder child(String id, Supplier<? extends Component> factory) {
            return child(id, factory, Restart.TRANSIENT);
        }

        /** A child with the given restart type. */
        public Builder child(String id, Supplier<? extends Component> factory, Restart restart) {
            children.add(new ChildSpec(id, factory, restart));
            return this;
        }

        /** The clock restarts are timed with, in nanoseconds; for tests. */
        Builder clock(LongSupplier nanos) {
            this.clock = Objects.requireNonNull(nanos, "clock");
            return this;
        }

        /**
         * The supervisor.
         *
         * @throws IllegalArgumentException when no child was declared or two share an id
         */
        public Supervisor build() {
            Set<String> ids = new HashSet<>();
            for (ChildSpec c : children) {
                if (!ids.add(c.id())) {
                    throw new IllegalArgumentException("two supervised children share the id '" + c.id() + "'");
                }
            }
            if (children.isEmpty()) {
                throw new IllegalArgumentException("a Supervisor needs at least one child");
            }
            return new Supervisor(this);
        }
    }
}
