package org.kamaelia4j.examples;

import java.util.SplittableRandom;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.stm.Changeset;

/**
 * One dining philosopher (Axon's {@code Philosopher} in {@code Examples/STM/Axon.Philosophers.py}):
 * thinks, gets hungry, takes both forks with one STM commit, eats, puts them back.
 *
 * <p>Axon's philosopher is a threaded component that sleeps; this one is a plain component whose
 * thinking and eating last a few time slices each, so a thousand of them run on a couple of
 * scheduler workers. A hungry philosopher tries once per slice and never holds one fork while
 * waiting for the other, which is why there is no deadlock. It leaves once dinner is over (see
 * {@link DiningTable}) at a moment it holds no fork, or at once on {@code ProducerFinished} /
 * {@code ShutdownMicroprocess} on {@code control} (putting its forks back first).
 */
final class Philosopher extends Component {

    private enum Doing { THINKING, HUNGRY, EATING }

    private final DiningTable table;
    private final String philosopher;
    private final String[] forks;
    private final int[] forkNumbers;
    private final SplittableRandom random;
    private Doing doing = Doing.THINKING;
    private int slicesLeft;
    private Changeset held;
    private int meals;

    /** Philosopher {@code seat} (1..n) at {@code table}; {@code seed} makes its thinking and eating repeatable. */
    Philosopher(DiningTable table, int seat, long seed) {
        super(Boxes.builder()
                .inbox(INBOX, "not used")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to leave the table")
                .outbox(OUTBOX, "not used")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
        this.table = table;
        this.philosopher = "philosopher." + seat;
        this.forks = table.forksOf(seat);
        this.forkNumbers = new int[] {seat, seat % table.philosophers() + 1};
        this.random = new SplittableRandom(seed);
        this.slicesLeft = 1 + random.nextInt(5);
    }

    /** How many meals this philosopher has eaten. */
    int meals() {
        return meals;
    }

    String philosopher() {
        return philosopher;
    }

    @Override
    protected Step main() {
        Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;
        if (stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess) {
            if (doing == Doing.EATING) {
                finishMeal();
            }
            send(stop, SIGNAL);
            return Step.DONE;
        }
        switch (doing) {
            case THINKING -> {
                if (--slicesLeft == 0) {
                    doing = Doing.HUNGRY;
                }
            }
            case HUNGRY -> {
                if (table.dinnerIsOver()) {
                    return Step.DONE;
                }
                held = table.tryToTakeForks(philosopher, forks);
                if (held != null) {
                    startMeal();
                }
            }
            case EATING -> {
                if (--slicesLeft == 0) {
                    finishMeal();
                }
            }
        }
        return Step.CONTINUE;
    }

    private void startMeal() {
        table.startEating(philosopher, forkNumbers, forks);
        doing = Doing.EATING;
        slicesLeft = 1 + random.nextInt(3);
        if (++meals == table.meals()) {
            table.satisfied();
        }
    }

    private void finishMeal() {
        table.stopEating(forkNumbers);
        table.releaseForks(held, forks);
        held = null;
        doing = Doing.THINKING;
        slicesLeft = 1 + random.nextInt(5);
    }
}
