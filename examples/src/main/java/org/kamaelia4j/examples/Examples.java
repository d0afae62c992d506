package org.kamaelia4j.examples;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The entry point behind {@code ./k4j demo} and {@code ./k4j example NAME}: looks the example up
 * by name and runs it with the remaining arguments.
 *
 * <pre>
 * ./k4j example list        # names every example
 * ./k4j example hello
 * </pre>
 */
public final class Examples {

    private static final Map<String, Consumer<String[]>> EXAMPLES = new TreeMap<>(Map.ofEntries(
            Map.entry("demo", Demo::main),
            Map.entry("chat", Chat::main),
            Map.entry("introspection", IntrospectionExample::main),
            Map.entry("hello", Hello::main),
            Map.entry("graphline", GraphlineExample::main),
            Map.entry("montecarlo-pi", MonteCarloPi::main),
            Map.entry("sieve", Sieve::main),
            Map.entry("token-ring", TokenRing::main),
            Map.entry("commstime", CommsTime::main),
            Map.entry("mandelbrot", Mandelbrot::main),
            Map.entry("producer-consumer", ProducerConsumer::main),
            Map.entry("philosophers", Philosophers::main),
            Map.entry("tutorial", Tutorial::main)));

    private Examples() {
    }

    /** The example called {@code name}, or null. */
    static Consumer<String[]> lookUp(String name) {
        return EXAMPLES.get(name);
    }

    /** Runs the example named by {@code args[0]}; a bad option is reported in one line, with exit code 2. */
    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("list")) {
            System.out.println("examples: " + String.join(", ", EXAMPLES.keySet()));
            return;
        }
        Consumer<String[]> example = EXAMPLES.get(args[0]);
        if (example == null) {
            System.err.println("no example '" + args[0] + "'; examples are " + EXAMPLES.keySet());
            System.exit(2);
        }
        try {
            example.accept(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException badOption) {
            System.err.println(badOption.getMessage());
            System.exit(2);
        }
    }
}
