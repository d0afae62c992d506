package org.kamaelia4j.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * TCP echo on loopback: round trips per second through Kamaelia4J's {@code SimpleServer} +
 * {@code EchoProtocol}, against Netty and against the two raw I/O models (virtual thread per
 * connection, one NIO selector), with 100 and with 10,000 concurrent connections.
 *
 * <p>The load generator ({@link EchoLoad}) runs in a child JVM: it holds every connection open
 * (and fails unless all are established), then each connection does 64-byte ping-pongs until
 * {@code size} round trips are done in total. The figure is thousands of round trips per second,
 * timed inside the generator from the first ping to the last echo.
 */
final class TcpEcho implements Workload {

    private static final int MESSAGE = 64;
    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Override
    public String name() {
        return "tcp-echo";
    }

    @Override
    public String title() {
        return "TCP echo on loopback, 64-byte ping-pong, 100 and 10,000 connections; thousand round trips/s";
    }

    @Override
    public Unit unit() {
        return Unit.THOUSAND_PER_SECOND;
    }

    @Override
    public String target() {
        return ">= 0.5x Netty at both connection counts";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 20_000 : 400_000;
    }

    @Override
    public List<Contender> contenders() {
        List<Contender> all = new ArrayList<>();
        for (int connections : new int[] {100, 10_000}) {
            String n = connections == 100 ? "100" : "10k";
            all.add(new Contender("Kamaelia4J SimpleServer, " + n + " conns", true,
                    size -> run(EchoServers.kamaelia(WORKERS), connections, size)));
            all.add(new Contender("Netty 4.2 NIO, " + n + " conns", false,
                    size -> run(EchoServers.netty(WORKERS), connections, size)));
            all.add(new Contender("raw: virtual thread per connection, " + n + " conns", false,
                    size -> run(EchoServers.virtualThreads(), connections, size)));
            all.add(new Contender("raw: one NIO selector thread, " + n + " conns", false,
                    size -> run(EchoServers.selector(), connections, size)));
        }
        return all;
    }

    private static double run(EchoServers.Running server, int connections, long requests) throws Exception {
        try (server) {
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Process p = new ProcessBuilder(java, "-Xss256k", "-cp", System.getProperty("java.class.path"),
                    EchoLoad.class.getName(), String.valueOf(server.port()), String.valueOf(connections),
                    String.valueOf(requests), String.valueOf(MESSAGE))
                    .redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(output::add);
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || output.isEmpty()) {
                p.destroyForcibly();
                throw new IllegalStateException("the load generator failed: " + output);
            }
            String last = output.get(output.size() - 1);
            long held = field(last, "held");
            if (held != connections) {
                throw new IllegalStateException("only " + held + " of " + connections + " connections were held");
            }
            return field(last, "requests") * 1e6 / field(last, "nanos");
        }
    }

    private static long field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException("the load generator said '" + line + "', without " + name);
    }
}
