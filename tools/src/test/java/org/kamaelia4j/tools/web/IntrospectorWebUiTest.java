package org.kamaelia4j.tools.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.process.ProcessPipeline;
import org.kamaelia4j.process.Stage;
import org.kamaelia4j.stm.Store;
import org.kamaelia4j.stm.Value;
import org.kamaelia4j.tools.Introspection;
import org.kamaelia4j.tools.IntrospectionServer;
import org.kamaelia4j.tools.Options;

/**
 * The web UI in headless Chromium against a live introspection server. With control allowed and a pipeline
 * spread over two JVMs ({@code Ticker -> ProcessPipeline[Doubler] -> Doubler -> Tally}): every component appears,
 * the stage JVM and a cross-JVM link too; live updates leave the layout alone; clicking the local Doubler shows
 * its inbox depth; Pause pauses it, its state changes and its inbox fills; a screenshot is saved as
 * {@code target/introspector.png}. Read-only with the REPL and an STM store: the command buttons are disabled
 * with a tooltip, the store browser shows the key, its version and value, and the REPL evaluates. Skipped, with
 * the reason, when Chromium or playwright-core cannot be installed (see {@code src/test/browser/run.sh}).
 */
class IntrospectorWebUiTest {

    /** Generous: the first run may install Chromium and playwright-core. */
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);
    private static final String[] SMALL_JVM = {"-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"};

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void showsEveryComponentAndPausesTheClickedOne() throws Exception {
        Scheduler scheduler = Scheduler.create(2);
        Ticker ticker = new Ticker(20);
        ProcessPipeline stage = ProcessPipeline.of(Stage.of(Doubler::new).named("double").jvmOptions(SMALL_JVM));
        Doubler doubler = new Doubler();
        Tally tally = new Tally();
        Pipeline pipeline = new Pipeline(ticker, stage, doubler, tally);
        Path screenshot = Path.of("target", "introspector.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Options options = Options.defaults().allowControl(true).label("web UI test");
        try (IntrospectionServer server = Introspection.serve(scheduler, options)) {
            pipeline.activate(scheduler);
            scheduler.startInBackground();
            String names = String.join(",", List.of(pipeline, ticker, stage, doubler, tally).stream()
                    .map(Component::name).toList());

            BrowserScript.Result result = runScript("introspector-ui.js",
                    server.url(), screenshot.toString(), names, doubler.name(), "2");

            assertEquals("2", result.value("JVMS"), result::output);
            assertNotEquals("0", result.value("CROSS-LINKS"), result::output);
            assertEquals("true", result.value("LAYOUT-STABLE"), result::output);
            assertTrue(result.value("COMPONENTS").contains(doubler.name()), result::output);
            assertEquals(doubler.name(), result.value("SELECTED"), result::output);
            assertTrue(result.value("INBOX-DEPTH").matches("[0-9,]+"), result::output);
            assertNotEquals("PAUSED", result.value("STATE-BEFORE"), result::output);
            assertEquals("PAUSED", result.value("STATE-AFTER"), result::output);
            assertEquals("pause: ok", result.value("COMMAND-RESULT"), result::output);
            assertTrue(Files.size(screenshot) > 0, "no screenshot at " + screenshot);
        } finally {
            scheduler.stop();
        }
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void readOnlyDisablesTheCommandsAndShowsTheStoresAndTheRepl() throws Exception {
        Scheduler scheduler = Scheduler.create(1);
        Doubler doubler = new Doubler();
        Store store = new Store();
        Value<Object> rate = store.usevar("rate");
        rate.set(60);
        rate.commit();
        Options options = Options.defaults().enableRepl(true).store("config", store).label("read-only UI test");
        try (IntrospectionServer server = Introspection.serve(scheduler, options)) {
            new Pipeline(new Ticker(50), doubler, new Tally()).activate(scheduler);
            scheduler.startInBackground();

            BrowserScript.Result result = runScript("introspector-ui-readonly.js",
                    server.url(), doubler.name(), "config", "rate");

            assertEquals("read-only", result.value("MODE"), result::output);
            assertEquals(doubler.name(), result.value("SELECTED"), result::output);
            assertEquals("true", result.value("PAUSE-DISABLED"), result::output);
            assertTrue(result.value("PAUSE-TOOLTIP").startsWith("Read-only"), result::output);
            assertEquals("rate | " + store.snapshot().get("rate").version() + " | 60", result.value("STORE-ROW"),
                    result::output);
            assertTrue(result.value("REPL-OUTPUT").endsWith("42"), result::output);
        } finally {
            scheduler.stop();
        }
    }

    /** Runs a browser script; skips the test when the tooling is missing, fails it when the script failed. */
    private static BrowserScript.Result runScript(String script, String... args) throws Exception {
        BrowserScript.Result result = BrowserScript.run(SCRIPT_TIMEOUT, script, args);
        assumeFalse(result.skipped(), result::output);
        assertEquals(0, result.exitCode(), result::output);
        assertEquals("ok", result.value("RESULT"), result::output);
        return result;
    }
}
