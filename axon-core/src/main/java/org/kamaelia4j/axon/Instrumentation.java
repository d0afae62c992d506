package org.kamaelia4j.axon;

import java.util.List;
import java.util.ServiceLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hooks an introspector hangs on: topology events and cheap per-microprocess counters.
 *
 * <pre>{@code
 * Instrumentation.enable(new Instrumentation.Listener() {
 *     public void activated(Microprocess mp) { System.out.println("+ " + mp.name()); }
 *     public void linked(Linkage l) { System.out.println(l); }
 * });
 * new Pipeline(new Source(), new Sink()).run();
 * Instrumentation.Stats st = Instrumentation.stats(someComponent);   // activations, busy time
 * }</pre>
 *
 * <p>One {@link Listener} per JVM hears every activation, finish, link, unlink and box added or
 * deleted at run time (the tools
 * module fans them out). While a listener is installed, each microprocess activated gets a
 * {@link Stats} object: its slice count, its busy time (measured on its first
 * {@value #SAMPLE_EVERY} slices, then on one slice in {@value #SAMPLE_EVERY} and scaled, so that
 * the clock is read rarely), whether its last send
 * was refused by a full inbox, and whether a user holds it ({@link #hold}). Inbox depths and
 * delivery counts cost nothing extra: they are the inbox queue's own indices
 * ({@link #depth}, {@link #delivered}).
 *
 * <h2>Cost</h2>
 * Disabled, a slice pays one read of a null field and an activation one volatile read. Enabled,
 * a slice pays a counter increment and a volatile read; a link change pays the listener call.
 *
 * <h2>Starting automatically</h2>
 * When the system property {@code kamaelia4j.introspect} or the environment variable
 * {@code K4J_INTROSPECT_REPORT} is set, every scheduler, when it starts running, hands itself to
 * each {@link Starter} found by {@link ServiceLoader} (the tools module provides one).
 *
 * <p>Threading: listener methods run on whichever thread made the change (a worker, a builder,
 * a linking component); links and unlinks are reported under the topology lock, so they arrive in
 * the order they happened. A listener must be quick and must not link, unlink or block.
 */
public final class Instrumentation {

    private static final Logger LOG = LoggerFactory.getLogger(Instrumentation.class);
    /** Busy time is measured on one slice in this many; a power of two. */
    public static final int SAMPLE_EVERY = 16;
    private static final long NOT_SAMPLED = Long.MIN_VALUE;

    private static volatile Listener listener;

    private Instrumentation() {
    }

    /** Hears topology changes; every method has an empty default. */
    public interface Listener {
        /** {@code mp} was activated; it has its {@link Stats} already. */
        default void activated(Microprocess mp) {
        }

        /** {@code mp} finished; {@code failure} is what its {@code main()} threw, or null. */
        default void finished(Microprocess mp, Throwable failure) {
        }

        /** A linkage was made. */
        default void linked(Linkage linkage) {
        }

        /** A linkage was removed. */
        default void unlinked(Linkage linkage) {
        }

        /** An {@link AdaptiveCommsComponent} added ({@code added}) or deleted a box. */
        default void boxChanged(Component owner, String box, boolean inbox, boolean added) {
        }
    }

    /** Called with every scheduler that starts running while automatic introspection is asked for. */
    public interface Starter {
        /** {@code scheduler} is starting to run. */
        void schedulerStarted(Scheduler scheduler);
    }

    /** The counters of one microprocess; written by its slices, read by anyone (values may lag). */
    public static final class Stats {
        private long activations;
        private long exactNanos;
        private long samples;
        private long sampledNanos;
        boolean blocked;
        volatile boolean held;

        Stats() {
        }

        /** How many slices it has run. */
        public long activations() {
            return activations;
        }

        /**
         * Time spent in its slices, in nanoseconds: exact over the first {@value #SAMPLE_EVERY}
         * slices, then estimated from one slice in {@value #SAMPLE_EVERY}.
         */
        public long busyNanos() {
            long n = samples;
            long later = activations - SAMPLE_EVERY;
            return exactNanos + (n == 0 || later <= 0 ? 0 : (long) ((double) sampledNanos * later / n));
        }

        /** True when its last refused send has not been followed by a slice yet: it waits for room. */
        public boolean blocked() {
            return blocked;
        }

        /** True while a user holds it (see {@link Instrumentation#hold}). */
        public boolean held() {
            return held;
        }

        long sliceStarts() {
            blocked = false;
            long n = ++activations;
            return n <= SAMPLE_EVERY || (n & (SAMPLE_EVERY - 1)) == 0 ? System.nanoTime() : NOT_SAMPLED;
        }

        void sliceEnds(long started) {
            if (started != NOT_SAMPLED) {
                long took = System.nanoTime() - started;
                if (activations <= SAMPLE_EVERY) {
                    exactNanos += took;
                } else {
                    sampledNanos += took;
                    samples++;
                }
            }
        }
    }

    /** Installs the listener (replacing any) and turns counters on for microprocesses activated from now. */
    public static void enable(Listener l) {
        if (l == null) {
            throw new NullPointerException("Instrumentation.enable: the listener must be non-null");
        }
        listener = l;
    }

    /** Removes the listener; counters already attached stay. */
    public static void disable() {
        listener = null;
    }

    /** True while a listener is installed. */
    public static boolean enabled() {
        return listener != null;
    }

    /** The counters of {@code mp}, attaching fresh ones if it has none (for ones activated before enabling). */
    public static Stats track(Microprocess mp) {
        Stats st = mp.stats;
        if (st == null) {
            synchronized (mp) {
                st = mp.stats;
                if (st == null) {
                    st = new Stats();
                    mp.stats = st;
                }
            }
        }
        return st;
    }

    /** The counters of {@code mp}, or null when it has none. */
    public static Stats stats(Microprocess mp) {
        return mp.stats;
    }

    /**
     * Holds {@code mp}: from its next slice on it runs no slices (deliveries still queue up) until
     * {@link #release}. Unlike {@link Microprocess#pause()}, a delivery does not wake it. A
     * {@link ThreadedComponent}'s own thread is not held, only its scheduler-side slices.
     */
    public static void hold(Microprocess mp) {
        track(mp).held = true;
    }

    /** Lets a held microprocess run again. */
    public static void release(Microprocess mp) {
        Stats st = mp.stats;
        if (st != null && st.held) {
            st.held = false;
            mp.unpause();
        }
    }

    /**
     * Puts {@code message} into the inbox from outside any component, as a linked sender would:
     * it goes where the inbox leads, and wakes the owner.
     *
     * @throws BoxFullException    when the inbox is at its size limit
     * @throws UnknownBoxException when the component has no such inbox
     */
    public static void inject(Component c, String inbox, Object message) {
        if (message == null) {
            throw new NullPointerException("Instrumentation.inject: the message for " + c.name() + "." + inbox
                    + " must be non-null");
        }
        c.inboxBox(inbox).sink.deliver(message, "the introspector", null);
    }

    /** Messages waiting in the inbox. */
    public static int depth(Component c, String inbox) {
        Inbox box = c.usedInbox(inbox);
        return box == null ? 0 : box.size();
    }

    /** Messages ever put into the inbox (moved on ones included); sample it twice for a rate. */
    public static long delivered(Component c, String inbox) {
        Inbox box = c.usedInbox(inbox);
        return box == null ? 0 : box.delivered();
    }

    /** The component owning the inbox where messages through {@code linkage} end up, or null. */
    public static Component finalSink(Linkage linkage) {
        Inbox sink = linkage.to.sink;
        return sink == null ? null : sink.owner;
    }

    /** The name of the inbox where messages through {@code linkage} end up, or null. */
    public static String finalSinkBox(Linkage linkage) {
        Inbox sink = linkage.to.sink;
        return sink == null ? null : sink.name;
    }

    /** The parent of {@code c} (the component that added it as a child), or null. */
    public static Component parent(Component c) {
        return c.parent();
    }

    // ---- called by the core ----

    static void activated(Microprocess mp) {
        Listener l = listener;
        if (l != null) {
            track(mp);
            try {
                l.activated(mp);
            } catch (RuntimeException e) {
                LOG.warn("instrumentation listener failed on the activation of {}", mp.name(), e);
            }
        }
    }

    static void finished(Microprocess mp, Throwable failure) {
        Listener l = listener;
        if (l != null) {
            try {
                l.finished(mp, failure);
            } catch (RuntimeException e) {
                LOG.warn("instrumentation listener failed on the finish of {}", mp.name(), e);
            }
        }
    }

    static void linked(Linkage linkage) {
        Listener l = listener;
        if (l != null) {
            try {
                l.linked(linkage);
            } catch (RuntimeException e) {
                LOG.warn("instrumentation listener failed on {}", linkage, e);
            }
        }
    }

    static void unlinked(Linkage linkage) {
        Listener l = listener;
        if (l != null) {
            try {
                l.unlinked(linkage);
            } catch (RuntimeException e) {
                LOG.warn("instrumentation listener failed on removing {}", linkage, e);
            }
        }
    }

    static void boxChanged(Component owner, String box, boolean inbox, boolean added) {
        Listener l = listener;
        if (l != null) {
            try {
                l.boxChanged(owner, box, inbox, added);
            } catch (RuntimeException e) {
                LOG.warn("instrumentation listener failed on a box change of {}", owner.name(), e);
            }
        }
    }

    static void schedulerStarting(Scheduler scheduler) {
        for (Starter s : AutoStart.STARTERS) {
            try {
                s.schedulerStarted(scheduler);
            } catch (RuntimeException e) {
                LOG.warn("introspection starter {} failed for {}", s, scheduler, e);
            }
        }
    }

    /** The starters, looked up once, and only when automatic introspection is asked for. */
    private static final class AutoStart {
        static final List<Starter> STARTERS = load();

        private static List<Starter> load() {
            if (System.getProperty("kamaelia4j.introspect") == null && System.getenv("K4J_INTROSPECT_REPORT") == null) {
                return List.of();
            }
            return ServiceLoader.load(Starter.class).stream().map(ServiceLoader.Provider::get).toList();
        }
    }
}
