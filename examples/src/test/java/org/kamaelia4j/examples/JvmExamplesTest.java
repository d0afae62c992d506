package org.kamaelia4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples that start stage JVMs, at small sizes. Few and short: each JVM start costs seconds
 * on a busy machine, so the timeouts are hang guards only.
 */
class JvmExamplesTest {

    /**
     * The demo with the introspector: while the job runs, the snapshot lists the demo's components
     * in this JVM and in a stage JVM. The samples are enough to keep a stage JVM busy for a few of
     * its reports (one each 300 ms); the test polls until it has seen one, or the demo has ended.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void demoRunsOneThenTwoStageJvmsShowingProgressResultSpeedupAndTheIntrospector() throws Exception {
        LiveOutput live = new LiveOutput();
        Thread demo = Thread.ofPlatform().name("demo").start(() -> Demo.run(live.stream(), "--samples",
                "100_000_000", "--chunks", "20", "--stages", "2", "--introspect", "--introspect-seconds", "1"));
        String url = live.awaitLine("introspector: http://", demo).substring("introspector: ".length());
        URI snapshotUri = URI.create(url.replace("/?token=", "/api/snapshot?token="));
        String worker = "\"type\":\"" + FarmWorker.class.getName() + "\"";
        String seen = null;
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (seen == null && demo.isAlive()) {
                String json = http.send(HttpRequest.newBuilder(snapshotUri).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (count(json, "\"pid\":") > 1 && json.contains(worker)) {
                    seen = json;
                }
                Thread.sleep(100);
            }
        }
        demo.join();
        List<String> out = live.lines();
        assertNotNull(seen, "no snapshot listed a stage JVM with a FarmWorker while the demo ran: " + out);
        assertTrue(seen.contains("\"label\":\"demo\""), seen);
        assertTrue(seen.contains("\"type\":\"" + Progress.class.getName() + "\""), "the parent's components: " + seen);

        assertTrue(Output.line(out, "Kamaelia4J demo: estimating pi").contains("100,000,000"), out.toString());
        assertEquals(2, out.stream().filter(l -> l.startsWith("  progress:") && l.endsWith("100%")).count(),
                out.toString());
        List<String> estimates = out.stream().filter(l -> l.startsWith("  pi = ")).map(l -> l.split(" in ")[0])
                .toList();
        assertEquals(2, estimates.size(), out.toString());
        assertEquals(estimates.get(0), estimates.get(1), "the same chunks give the same estimate");
        assertTrue(Output.line(out, "speedup with 2 stage JVMs against 1: ").endsWith("x"), out.toString());
        assertEquals("-- done", Output.line(out, "-- done"));
        assertEquals("introspector: showing the finished graph at " + url + " for 1 s", out.get(out.size() - 1));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void mandelbrotWritesThePngAndThreadsAndJvmsDrawTheSamePicture(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("m.png");
        List<String> out = Output.lines(o -> Mandelbrot.run(o, "--width", "64", "--height", "48", "--iterations",
                "200", "--workers", "2", "--out", png.toString()));
        assertTrue(Files.exists(png), out.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(64, image.getWidth());
        assertEquals(48, image.getHeight());
        assertEquals(0, image.getRGB(40, 24) & 0xffffff, "a point inside the set is black");
        assertTrue((image.getRGB(0, 0) & 0xffffff) != 0, "a point far outside is not");
        assertTrue(Output.line(out, "wrote ").endsWith("are identical"), out.toString());
        assertTrue(Output.line(out, "  2 JVMs (ProcessPipeline)").contains("speedup"), out.toString());
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void producerConsumerGivesTheSameTotalInOneJvmAndInTwo() {
        List<String> out = Output.lines(o -> ProducerConsumer.run(o, "--count", "3000", "--work", "500"));
        assertEquals(2, out.stream().filter("prod: x = 2001"::equals).count(), "printed by the in-JVM producers");
        assertEquals("all three runs agree", Output.line(out, "all three"));
        assertTrue(Output.line(out, "  ProcessPipeline, 2 JVMs").contains("consumer got 3,000 items"),
                out.toString());
    }

    @Test
    void theMandelbrotRowsArePureFunctionsOfTheirTask() {
        Mandelbrot.Line line = new Mandelbrot.Line(10, 32, 24, 100);
        assertEquals(line.compute(), line.compute());
        assertEquals(3 * 32, line.compute().rgb().length);
    }
}
