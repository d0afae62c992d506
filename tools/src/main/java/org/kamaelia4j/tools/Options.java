package org.kamaelia4j.tools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.kamaelia4j.stm.Store;

/**
 * How {@link Introspection#serve} runs: the port, whether commands and the REPL are allowed, the
 * label of this JVM and the STM stores to show. Immutable; each setter returns a new value.
 *
 * <pre>{@code
 * Options o = Options.defaults().port(8700).allowControl(true).store("accounts", store);
 * }</pre>
 *
 * <p>The defaults are safe: any free port, read-only (commands refused with 403), no REPL.
 * {@link #fromSystemProperties()} reads {@code kamaelia4j.introspect} (the port),
 * {@code kamaelia4j.introspect.control} and {@code kamaelia4j.introspect.repl} ({@code true} to allow).
 */
public final class Options {

    private final int port;
    private final boolean control;
    private final boolean repl;
    private final String label;
    private final Map<String, Store> stores;

    private Options(int port, boolean control, boolean repl, String label, Map<String, Store> stores) {
        this.port = port;
        this.control = control;
        this.repl = repl;
        this.label = label;
        this.stores = Map.copyOf(stores);
    }

    /** Any free port, read-only, no REPL, labelled after the main class and pid. */
    public static Options defaults() {
        String command = System.getProperty("sun.java.command", "java").split(" ")[0];
        return new Options(0, false, false, command + " (pid " + ProcessHandle.current().pid() + ")", Map.of());
    }

    /** The defaults changed by the {@code kamaelia4j.introspect*} system properties. */
    public static Options fromSystemProperties() {
        Options o = defaults();
        String port = System.getProperty("kamaelia4j.introspect");
        if (port != null && !port.isBlank() && !port.equals("true")) {
            try {
                o = o.port(Integer.parseInt(port.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-Dkamaelia4j.introspect must be a port number (0 for any), got '"
                        + port + "'", e);
            }
        }
        return o.allowControl(Boolean.getBoolean("kamaelia4j.introspect.control"))
                .enableRepl(Boolean.getBoolean("kamaelia4j.introspect.repl"));
    }

    /** The port on 127.0.0.1; 0 picks a free one. */
    public Options port(int newPort) {
        if (newPort < 0 || newPort > 65535) {
            throw new IllegalArgumentException("a port is 0..65535, got " + newPort);
        }
        return new Options(newPort, control, repl, label, stores);
    }

    /** Whether {@code POST /api/command} may act (inject, pause, resume, shutdown, stop). */
    public Options allowControl(boolean allow) {
        return new Options(port, allow, repl, label, stores);
    }

    /** Whether {@code POST /api/repl} runs JShell in this JVM. */
    public Options enableRepl(boolean enable) {
        return new Options(port, control, enable, label, stores);
    }

    /** The label shown for this JVM. */
    public Options label(String newLabel) {
        return new Options(port, control, repl, Objects.requireNonNull(newLabel, "label"), stores);
    }

    /** Shows the STM store under {@code name}. */
    public Options store(String name, Store store) {
        Map<String, Store> more = new LinkedHashMap<>(stores);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(store, "store"));
        return new Options(port, control, repl, label, more);
    }

    int port() {
        return port;
    }

    boolean control() {
        return control;
    }

    boolean repl() {
        return repl;
    }

    String label() {
        return label;
    }

    Map<String, Store> stores() {
        return stores;
    }
}
