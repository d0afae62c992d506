package org.kamaelia4j.tools.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a node script of {@code src/test/browser/} in headless Chromium through {@code run.sh}, which installs
 * Chromium (Debian's package) and {@code playwright-core} (npm) when they are missing.
 *
 * <pre>{@code
 * BrowserScript.Result result = BrowserScript.run(Duration.ofMinutes(10), "introspector-ui.js", url, ...);
 * Assumptions.assumeFalse(result.skipped(), result.output());
 * assertEquals(0, result.exitCode(), result.output());
 * }</pre>
 *
 * <p>The script's output (stdout and stderr together) is kept in {@code target/browser-SCRIPT.log} too.
 */
final class BrowserScript {

    /** run.sh's exit code when the tooling cannot be installed: the test is to be skipped. */
    static final int SKIPPED = 77;

    private static final Path DIR = Path.of("src", "test", "browser").toAbsolutePath();

    private BrowserScript() {
    }

    /** What the script did: its exit code and its whole output. */
    record Result(int exitCode, String output) {

        /** True when Chromium, node or playwright-core could not be had; the output says why. */
        boolean skipped() {
            return exitCode == SKIPPED;
        }

        /** The value of the first "KEY: value" line the script printed, or null. */
        String value(String key) {
            return output.lines().filter(line -> line.startsWith(key + ": "))
                    .map(line -> line.substring(key.length() + 2)).findFirst().orElse(null);
        }
    }

    /**
     * Runs {@code script} with {@code args}; when it does not end within {@code timeout}, kills it and answers
     * exit code -1.
     */
    static Result run(Duration timeout, String script, String... args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(DIR.resolve(script))) {
            throw new IllegalArgumentException("no browser script " + script + " in " + DIR);
        }
        List<String> command = new ArrayList<>(List.of("bash", DIR.resolve("run.sh").toString(),
                DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        Path log = Path.of("target", "browser-" + script.replaceFirst("\\.js$", "") + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException noBash) {
            Files.writeString(log, "SKIP: cannot run bash: " + noBash.getMessage() + "\n");
            return new Result(SKIPPED, Files.readString(log));
        }
        int exit;
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            exit = process.exitValue();
        } else {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            exit = -1;
        }
        return new Result(exit, Files.readString(log, StandardCharsets.UTF_8));
    }
}
