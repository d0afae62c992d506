package org.kamaelia4j.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/** Small components the process-pipeline tests run in stage JVMs and in the test JVM. */
final class TestComponents {

    private TestComponents() {
    }

    /** True for the two shutdown messages. */
    static boolean isShutdown(Object m) {
        return m instanceof ProducerFinished || m instanceof ShutdownMicroprocess;
    }

    /** Sends what {@code transform} makes of each input; keeps a refused message; finishes after its input. */
    abstract static class Transformer extends Component {

        private Object held;
        private Object shutdown;

        Transformer() {
        }

        Transformer(Boxes boxes) {
            super(boxes);
        }

        abstract Object transform(Object in);

        /** Where a transformed message goes. */
        String outboxFor(Object out) {
            return OUTBOX;
        }

        @Override
        protected Step main() {
            while (held != null || dataReady()) {
                Object next = held != null ? held : transform(recv());
                try {
                    send(next, outboxFor(next));
                    held = null;
                } catch (BoxFullException full) {
                    held = next;
                    return Step.PAUSE;
                }
            }
            while (shutdown == null && dataReady(CONTROL)) {
                Object m = recv(CONTROL);
                if (isShutdown(m) && lastShutdown()) {
                    shutdown = m;
                }
            }
            if (shutdown != null && !dataReady()) {
                for (String box : signalBoxes()) {
                    send(shutdown, box);
                }
                return Step.DONE;
            }
            return Step.PAUSE;
        }

        /** Whether the shutdown message just received is the one to finish on. */
        boolean lastShutdown() {
            return true;
        }

        /** Where the shutdown message goes when it finishes. */
        List<String> signalBoxes() {
            return List.of(SIGNAL);
        }
    }

    /** Doubles integers. */
    static final class Doubler extends Transformer {
        @Override
        Object transform(Object in) {
            return 2 * (Integer) in;
        }
    }

    /** Adds one to integers. */
    static final class Incrementer extends Transformer {
        @Override
        Object transform(Object in) {
            return (Integer) in + 1;
        }
    }

    /** Prints each message on standard output and passes it on. */
    static final class Printer extends Transformer {
        @Override
        Object transform(Object in) {
            System.out.println("printed " + in);
            return in;
        }
    }

    /** Throws on the message {@code 3}. */
    static final class Thrower extends Transformer {
        @Override
        Object transform(Object in) {
            if (Integer.valueOf(3).equals(in)) {
                throw new IllegalStateException("three is too many");
            }
            return in;
        }
    }

    /** Calls System.exit(7) on the first message. */
    static final class Exiter extends Transformer {
        @Override
        Object transform(Object in) {
            System.exit(7);
            return in;
        }
    }

    /** Replaces each message by something no codec can write. */
    static final class Unsendable extends Transformer {
        @Override
        Object transform(Object in) {
            return new Thread();
        }
    }

    /** Sends even integers on "even", odd ones on "odd"; the shutdown message on "signal" and "oddSignal". */
    static final class EvenOddSplitter extends Transformer {
        EvenOddSplitter() {
            super(Boxes.builder()
                    .inbox(INBOX, "integers to split")
                    .inbox(CONTROL, "shutdown messages")
                    .outbox("even", "the even integers")
                    .outbox("odd", "the odd integers")
                    .outbox(OUTBOX, "not used")
                    .outbox(SIGNAL, "the shutdown message, for whoever takes the even integers")
                    .outbox("oddSignal", "the shutdown message, for whoever takes the odd integers")
                    .build());
        }

        @Override
        Object transform(Object in) {
            return in;
        }

        @Override
        String outboxFor(Object out) {
            return (Integer) out % 2 == 0 ? "even" : "odd";
        }

        @Override
        List<String> signalBoxes() {
            return List.of(SIGNAL, "oddSignal");
        }
    }

    /** Negates integers. */
    static final class Negator extends Transformer {
        @Override
        Object transform(Object in) {
            return -(Integer) in;
        }
    }

    /** Fan-in: passes on what arrives; finishes once two producers sent their shutdown message. */
    static final class Merger extends Transformer {

        private int shutdowns;

        @Override
        Object transform(Object in) {
            return in;
        }

        @Override
        boolean lastShutdown() {
            return ++shutdowns == 2;
        }
    }

    /** Sends 1 to {@code count}, then ShutdownMicroprocess on signal. */
    static final class ShutdownSource extends Component {

        private final int count;
        private int next = 1;

        ShutdownSource(int count) {
            this.count = count;
        }

        @Override
        protected Step main() {
            for (; next <= count; next++) {
                send(next);
            }
            send(new ShutdownMicroprocess(), SIGNAL);
            return Step.DONE;
        }
    }

    /** Sends {@code count} byte arrays of {@code size} bytes, then ProducerFinished. */
    static final class BlobSource extends Component {

        private final int count;
        private final int size;
        private int sent;

        BlobSource(int count, int size) {
            this.count = count;
            this.size = size;
        }

        @Override
        protected Step main() {
            while (sent < count) {
                byte[] blob = new byte[size];
                blob[0] = (byte) sent;
                try {
                    send(blob);
                } catch (BoxFullException full) {
                    return Step.PAUSE;
                }
                sent++;
            }
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
    }

    /**
     * A collector in the test JVM that takes nothing while its gate is closed (its inbox is
     * bounded, so senders are held up) and finishes on a shutdown message or ErrorInformation.
     */
    static final class GatedCollector extends Component {

        private final AtomicBoolean open = new AtomicBoolean();
        private final List<Object> collected = new ArrayList<>();
        private final Duration perMessage;
        private volatile Object lastWord;

        GatedCollector(int inboxSize, boolean startOpen, Duration perMessage) {
            setInboxSize(INBOX, inboxSize);
            open.set(startOpen);
            this.perMessage = perMessage;
        }

        void open() {
            open.set(true);
            unpause();
        }

        boolean full() {
            return dataCount(INBOX) >= inboxCapacity(INBOX);
        }

        @Override
        protected Step main() throws InterruptedException {
            if (open.get()) {
                while (dataReady()) {
                    synchronized (collected) {
                        collected.add(recv());
                    }
                    if (!perMessage.isZero()) {
                        Thread.sleep(perMessage);
                        return Step.CONTINUE;
                    }
                }
            }
            if (lastWord == null && dataReady(CONTROL)) {
                Object m = recv(CONTROL);
                if (isShutdown(m) || m instanceof ErrorInformation) {
                    lastWord = m;
                }
            }
            if (lastWord != null && (!dataReady() || lastWord instanceof ErrorInformation)) {
                return Step.DONE;
            }
            return Step.PAUSE;
        }

        List<Object> collected() {
            synchronized (collected) {
                return List.copyOf(collected);
            }
        }

        Object lastWord() {
            return lastWord;
        }
    }
}
