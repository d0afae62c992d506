package org.kamaelia4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** What a program running on another thread has printed so far, for a test to watch while it runs. */
final class LiveOutput {

    private static final int POLLS = 1_800;    // of 100 ms: a three-minute hang guard

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();    // synchronized: any thread
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** The stream to give the program. */
    PrintStream stream() {
        return stream;
    }

    /** The lines printed so far. */
    List<String> lines() {
        return Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\\R"));
    }

    /**
     * The first line starting with {@code prefix}, waiting for it while {@code program} runs;
     * fails naming what was printed when the program ended without printing it.
     */
    String awaitLine(String prefix, Thread program) throws InterruptedException {
        for (int i = 0; i < POLLS; i++) {
            boolean ended = !program.isAlive();
            for (String line : lines()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (ended) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + lines());
    }
}
