package org.kamaelia4j.examples;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options (and bare {@code --flag}s) of an example's command line.
 *
 * <pre>{@code
 * Options o = Options.parse("sieve", args, Set.of("primes", "workers"), Set.of());
 * int primes = o.integer("primes", 10_000);
 * }</pre>
 *
 * <p>An option the example does not know, or a value that is not a number where one is expected,
 * is refused with an {@link IllegalArgumentException} naming the example and what it accepts.
 * Numbers may be written with underscores or commas ({@code 1_000_000}); lists are written
 * {@code 10/100/1000}.
 */
final class Options {

    private final String example;
    private final Map<String, String> values;

    private Options(String example, Map<String, String> values) {
        this.example = example;
        this.values = values;
    }

    /** Parses {@code args}: {@code valued} names take a value, {@code flags} do not. */
    static Options parse(String example, String[] args, Set<String> valued, Set<String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name != null && flags.contains(name)) {
                values.put(name, "true");
            } else if (name != null && valued.contains(name) && i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(example + ": cannot use '" + args[i] + "'"
                        + (name != null && valued.contains(name) ? " without a value" : "") + "; options are "
                        + valued.stream().sorted().map(n -> "--" + n + " VALUE").toList()
                        + (flags.isEmpty() ? "" : " and flags " + flags.stream().sorted().map(n -> "--" + n).toList()));
            }
        }
        return new Options(example, values);
    }

    /** Whether the flag was given. */
    boolean flag(String name) {
        return values.containsKey(name);
    }

    /** The option as a string, or {@code fallback}. */
    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The option as a positive int, or {@code fallback}. */
    int integer(String name, int fallback) {
        return Math.toIntExact(number(name, fallback));
    }

    /** The option as a positive long, or {@code fallback}. */
    long number(String name, long fallback) {
        String text = values.get(name);
        return text == null ? fallback : parsePositive(name, text);
    }

    /** The option as a TCP port, 0 (any free port) to 65535, or {@code fallback}. */
    int port(String name, int fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        if (text.strip().equals("0")) {
            return 0;
        }
        long port = parsePositive(name, text);
        if (port > 65_535) {
            throw new IllegalArgumentException(example + ": --" + name + " needs a port from 0 to 65535, got '"
                    + text + "'");
        }
        return (int) port;
    }

    /** The option as a list of positive ints such as {@code 10/100/1000}, or {@code fallback}. */
    int[] integers(String name, int... fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback.clone();
        }
        return Arrays.stream(text.split("/")).mapToInt(part -> Math.toIntExact(parsePositive(name, part))).toArray();
    }

    private long parsePositive(String name, String text) {
        try {
            long n = Long.parseLong(text.replace("_", "").replace(",", "").strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(example + ": --" + name + " needs a positive whole number, got '"
                + text + "'");
    }
}
