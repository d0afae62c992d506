package org.kamaelia4j.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal client of an introspection server: {@code ./k4j introspect URL COMMAND}.
 *
 * <pre>{@code
 * ./k4j introspect 'http://127.0.0.1:41527/?token=0a1b...' top            # refreshing; d/b/a sort, q quits
 * ./k4j introspect '127.0.0.1:41527?token=0a1b...' top --once --sort busy
 * ./k4j introspect URL tree        # JVM > Pipeline > components, with states
 * ./k4j introspect URL watch       # the raw Kamaelia topology protocol, as it happens
 * ./k4j introspect URL dot > g.dot && dot -Tsvg g.dot > g.svg
 * ./k4j introspect URL repl        # JShell in the inspected JVM, when the server allows it
 * }</pre>
 *
 * <p>{@code top} lists every component of every JVM with its state, queued messages (all its
 * inboxes), busy time, activations and input rate, sorted by depth ({@code d}), busy time
 * ({@code b}) or activations ({@code a}), refreshed every second; keys are read from the terminal
 * in raw mode when there is one (else type the key and Enter). The rendering functions
 * ({@link #top}, {@link #tree}, {@link #dot}) are pure and used by the tests. One thread.
 */
public final class Terminal {

    private static final String USAGE = "usage: k4j introspect URL top [--once] [--sort depth|busy|activations]"
            + " | tree | watch [--lines N] | dot | repl\n  URL is what the server printed, http://HOST:PORT/?token=T"
            + " (or HOST:PORT?token=T)";

    private final String base;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Terminal(String url) {
        String u = url.contains("://") ? url : "http://" + url;
        URI uri = URI.create(u);
        String t = null;
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.startsWith("token=")) {
                    t = pair.substring(6);
                }
            }
        }
        if (t == null || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("'" + url + "' is not an introspection URL; " + USAGE);
        }
        this.base = "http://" + uri.getHost() + ":" + uri.getPort();
        this.token = t;
    }

    /** Runs one command; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(USAGE);
            System.exit(2);
        }
        try {
            System.exit(new Terminal(args[0]).run(args[1], List.of(args).subList(2, args.length), System.in,
                    System.out));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("k4j introspect: " + e.getMessage());
            System.exit(1);
        }
    }

    int run(String command, List<String> options, InputStream in, PrintStream out) throws Exception {
        switch (command) {
            case "top" -> runTop(options, in, out);
            case "tree" -> out.print(tree(snapshot()));
            case "dot" -> out.print(dot(snapshot()));
            case "watch" -> watch(options.contains("--lines")
                    ? Integer.parseInt(options.get(options.indexOf("--lines") + 1)) : Integer.MAX_VALUE, out);
            case "repl" -> repl(in, out);
            default -> throw new IllegalArgumentException("unknown command '" + command + "'; " + USAGE);
        }
        out.flush();
        return 0;
    }

    Map<String, Object> snapshot() throws IOException, InterruptedException {
        return Json.object(Json.parse(call("GET", "/api/snapshot", null)));
    }

    private String call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("X-K4J-Token", token)
                .timeout(Duration.ofSeconds(120));
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            String why = r.body();
            try {
                why = String.valueOf(Json.object(Json.parse(why)).get("error"));
            } catch (IllegalArgumentException notJson) {
                // show the body as it is
            }
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + why);
        }
        return r.body();
    }

    // ---- top ----

    private void runTop(List<String> options, InputStream in, PrintStream out) throws Exception {
        String sort = options.contains("--sort") ? options.get(options.indexOf("--sort") + 1) : "depth";
        if (options.contains("--once")) {
            out.print(top(snapshot(), sort));
            return;
        }
        boolean raw = setRaw(true);
        try {
            while (true) {
                out.print("\033[H\033[2J");
                out.print(top(snapshot(), sort));
                out.println("\nsort: d=depth b=busy a=activations   q=quit" + (raw ? "" : " (then Enter)"));
                out.flush();
                long until = System.currentTimeMillis() + 1000;
                while (System.currentTimeMillis() < until) {
                    if (in.available() > 0) {
                        int key = in.read();
                        if (key == 'q' || key < 0) {
                            return;
                        }
                        sort = key == 'b' ? "busy" : key == 'a' ? "activations" : key == 'd' ? "depth" : sort;
                        break;
                    }
                    Thread.sleep(50);
                }
            }
        } finally {
            if (raw) {
                setRaw(false);
            }
        }
    }

    private static boolean setRaw(boolean on) {
        if (System.console() == null) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("sh", "-c", on ? "stty -icanon -echo min 1 < /dev/tty"
                    : "stty icanon echo < /dev/tty").inheritIO().start();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The {@code top} table, sorted by {@code sort} (depth, busy or activations), highest first. */
    @SuppressWarnings("unchecked")
    static String top(Map<String, Object> snapshot, String sort) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> c : components(snapshot)) {
            Map<String, Object> row = new LinkedHashMap<>(c);
            long depth = 0;
            double rate = 0;
            for (Object b : (List<Object>) c.get("inboxes")) {
                depth += number(((Map<String, Object>) b).get("depth")).longValue();
                rate += number(((Map<String, Object>) b).get("rate")).doubleValue();
            }
            row.put("depth", depth);
            row.put("rate", rate);
            rows.add(row);
        }
        String key = switch (sort) {
            case "depth" -> "depth";
            case "busy" -> "busyNanos";
            case "activations" -> "activations";
            default -> throw new IllegalArgumentException("--sort takes depth, busy or activations, not '" + sort
                    + "'");
        };
        rows.sort(Comparator.comparingDouble((Map<String, Object> r) -> number(r.get(key)).doubleValue()).reversed()
                .thenComparing(r -> String.valueOf(r.get("id"))));
        StringBuilder out = new StringBuilder();
        String format = "%-12s %-28s %-9s %8s %10s %12s %10s  %s%n";
        out.append(String.format(Locale.ROOT, format, "ID", "NAME", "STATE", "DEPTH", "BUSY ms", "ACTIVATIONS",
                "MSG/s", "JVM"));
        for (Map<String, Object> r : rows) {
            out.append(String.format(Locale.ROOT, format, r.get("id"), cut(String.valueOf(r.get("name")), 28),
                    r.get("state"), r.get("depth"),
                    String.format(Locale.ROOT, "%.1f", number(r.get("busyNanos")).doubleValue() / 1e6),
                    r.get("activations"), String.format(Locale.ROOT, "%.1f", number(r.get("rate")).doubleValue()),
                    r.get("jvm")));
        }
        return out.toString();
    }

    // ---- tree ----

    /** Every JVM with its components nested under their parents, with their states. */
    @SuppressWarnings("unchecked")
    static String tree(Map<String, Object> snapshot) {
        StringBuilder out = new StringBuilder();
        for (Object j : (List<Object>) snapshot.get("jvms")) {
            Map<String, Object> jvm = (Map<String, Object>) j;
            out.append("JVM ").append(jvm.get("id")).append(": ").append(jvm.get("label")).append('\n');
            List<Map<String, Object>> cs = new ArrayList<>();
            ((List<Object>) jvm.get("components")).forEach(c -> cs.add((Map<String, Object>) c));
            for (Map<String, Object> c : cs) {
                if (!isChildIn(c, cs)) {
                    branch(c, cs, "  ", out);
                }
            }
        }
        return out.toString();
    }

    private static boolean isChildIn(Map<String, Object> c, List<Map<String, Object>> cs) {
        Object parent = c.get("parent");
        return parent != null && cs.stream().anyMatch(p -> parent.equals(p.get("id")));
    }

    private static void branch(Map<String, Object> c, List<Map<String, Object>> cs, String indent, StringBuilder out) {
        out.append(indent).append(c.get("name")).append(" [").append(c.get("id")).append("] ").append(c.get("state"));
        if (c.get("error") != null) {
            out.append(": ").append(c.get("error"));
        }
        out.append('\n');
        for (Map<String, Object> child : cs) {
            if (c.get("id").equals(child.get("parent"))) {
                branch(child, cs, indent + "  ", out);
            }
        }
    }

    // ---- dot ----

    /** A Graphviz digraph: a cluster per JVM and per component with children, an edge per link. */
    @SuppressWarnings("unchecked")
    static String dot(Map<String, Object> snapshot) {
        StringBuilder out = new StringBuilder("digraph kamaelia {\n  rankdir=LR;\n  node [shape=box];\n");
        List<Object> links = new ArrayList<>();
        for (Object j : (List<Object>) snapshot.get("jvms")) {
            Map<String, Object> jvm = (Map<String, Object>) j;
            out.append("  subgraph \"cluster_jvm_").append(esc(jvm.get("id"))).append("\" {\n    label=\"JVM ")
                    .append(esc(jvm.get("label"))).append("\";\n");
            List<Map<String, Object>> cs = new ArrayList<>();
            ((List<Object>) jvm.get("components")).forEach(c -> cs.add((Map<String, Object>) c));
            for (Map<String, Object> c : cs) {
                if (!isChildIn(c, cs)) {
                    dotNode(c, cs, "    ", out);
                }
            }
            out.append("  }\n");
            links.addAll((List<Object>) jvm.get("links"));
        }
        for (Object l : links) {
            Map<String, Object> link = (Map<String, Object>) l;
            out.append("  \"").append(esc(link.get("from"))).append("\" -> \"").append(esc(link.get("to")))
                    .append("\" [label=\"").append(esc(link.get("fromBox"))).append(" -> ")
                    .append(esc(link.get("toBox")));
            if (number(link.get("depth")).longValue() > 0) {
                out.append(" (").append(link.get("depth")).append(" queued)");
            }
            out.append('"');
            if (Boolean.TRUE.equals(link.get("crossJvm"))) {
                out.append(", style=bold, color=blue");
            } else if (!"normal".equals(link.get("kind"))) {
                out.append(", style=dashed");
            }
            out.append("];\n");
        }
        return out.append("}\n").toString();
    }

    private static void dotNode(Map<String, Object> c, List<Map<String, Object>> cs, String indent,
            StringBuilder out) {
        List<Map<String, Object>> kids = cs.stream().filter(k -> c.get("id").equals(k.get("parent"))).toList();
        String node = indent + "\"" + esc(c.get("id")) + "\" [label=\"" + esc(c.get("name")) + "\\n"
                + esc(c.get("state")) + "\"];\n";
        if (kids.isEmpty()) {
            out.append(node);
            return;
        }
        out.append(indent).append("subgraph \"cluster_").append(esc(c.get("id"))).append("\" {\n")
                .append(indent).append("  label=\"").append(esc(c.get("name"))).append("\";\n")
                .append(indent).append("  ").append(node.substring(indent.length()));
        for (Map<String, Object> k : kids) {
            dotNode(k, cs, indent + "  ", out);
        }
        out.append(indent).append("}\n");
    }

    // ---- watch and repl ----

    private void watch(int maxLines, PrintStream out) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/events")).header("X-K4J-Token", token)
                .GET().build();
        HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IOException("GET /api/events answered " + r.statusCode());
        }
        int printed = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String event = "";
            for (String line; printed < maxLines && (line = in.readLine()) != null; ) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && event.equals("topology")) {
                    out.println(line.substring(6));
                    out.flush();
                    printed++;
                }
            }
        }
    }

    private void repl(InputStream in, PrintStream out) throws IOException, InterruptedException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        out.println("JShell in the inspected JVM; try org.kamaelia4j.tools.Introspection.scheduler()."
                + " End with Ctrl-D.");
        while (true) {
            out.print("k4j> ");
            out.flush();
            String line = lines.readLine();
            if (line == null) {
                return;
            }
            if (line.isBlank()) {
                continue;
            }
            String answer = call("POST", "/api/repl", Json.write(Map.of("code", line)));
            out.print(Json.object(Json.parse(answer)).get("output"));
        }
    }

    // ---- helpers ----

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> components(Map<String, Object> snapshot) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object j : (List<Object>) snapshot.get("jvms")) {
            for (Object c : (List<Object>) ((Map<String, Object>) j).get("components")) {
                out.add((Map<String, Object>) c);
            }
        }
        return out;
    }

    private static Number number(Object o) {
        return o instanceof Number n ? n : 0;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }

    private static String esc(Object o) {
        return String.valueOf(o).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
