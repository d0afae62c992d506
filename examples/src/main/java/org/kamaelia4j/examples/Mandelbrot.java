package org.kamaelia4j.examples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

/**
 * {@code ./k4j example mandelbrot}: renders the Mandelbrot set with its rows farmed out to worker
 * components, on one worker thread, on N worker threads and on a ProcessPipeline of N JVMs;
 * writes a PNG and prints the speedups.
 *
 * <pre>
 * ./k4j example mandelbrot                                   # 1200x900, 2000 iterations, mandelbrot.png
 * ./k4j example mandelbrot --width 600 --height 450 --workers 4 --out /tmp/m.png
 * </pre>
 *
 * <h2>How it runs</h2>
 * Each row is a {@link Line} task; a {@link Farm} of {@link FarmWorker}s gives row {@code y} to
 * worker {@code y mod n}, so the costly rows through the middle of the set are shared out. A row
 * comes back as a {@link Row} of RGB bytes, which crosses between JVMs as a record of an
 * {@code int} and a {@code byte[]}, with no Java serialization. The pixels are a pure function of
 * the row, so every way of running gives the same image, which the example checks. The PyCSP
 * paper ran the same farm with its workers calling C or numpy; here the workers are plain Java.
 * Times are wall times, JVM start-up included for the JVMs.
 */
public final class Mandelbrot {

    private static final Set<String> OPTIONS = Set.of("width", "height", "iterations", "workers", "out");
    private static final double LEFT = -2.2;
    private static final double RIGHT = 1.0;

    private Mandelbrot() {
    }

    /** Row {@code index} of a {@code width x height} picture, with at most {@code iterations} per pixel. */
    public record Line(int index, int width, int height, int iterations) implements FarmTask<Row> {

        @Override
        public Row compute() {
            double step = (RIGHT - LEFT) / width;
            double ci = (height / 2.0 - index) * step;
            byte[] rgb = new byte[3 * width];
            for (int x = 0; x < width; x++) {
                double cr = LEFT + x * step;
                double zr = 0;
                double zi = 0;
                int n = 0;
                while (n < iterations && zr * zr + zi * zi <= 16.0) {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = t;
                    n++;
                }
                if (n < iterations) {
                    double smooth = n + 1 - Math.log(Math.log(Math.sqrt(zr * zr + zi * zi))) / Math.log(2);
                    double t = Math.min(1, Math.log1p(Math.max(0, smooth)) / Math.log1p(iterations));
                    rgb[3 * x] = (byte) (255 * 9 * (1 - t) * t * t * t);
                    rgb[3 * x + 1] = (byte) (255 * 15 * (1 - t) * (1 - t) * t * t);
                    rgb[3 * x + 2] = (byte) (255 * 8.5 * (1 - t) * (1 - t) * (1 - t) * t);
                }
            }
            return new Row(index, rgb);
        }
    }

    /** Row {@code y} of the picture: three bytes (red, green, blue) per pixel. */
    public record Row(int y, byte[] rgb) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && r.y == y && Arrays.equals(r.rgb, rgb);
        }

        @Override
        public int hashCode() {
            return 31 * y + Arrays.hashCode(rgb);
        }

        @Override
        public String toString() {
            return "Row[y=" + y + ", " + rgb.length / 3 + " pixels]";
        }
    }

    /** The rows of a {@code width x height} picture as tasks. */
    public static List<Line> lines(int width, int height, int iterations) {
        List<Line> lines = new ArrayList<>(height);
        for (int y = 0; y < height; y++) {
            lines.add(new Line(y, width, height, iterations));
        }
        return lines;
    }

    /** The picture made of {@code rows}, which may come in any order. */
    public static BufferedImage image(List<Row> rows, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (Row row : rows) {
            for (int x = 0; x < width; x++) {
                int rgb = (row.rgb()[3 * x] & 0xff) << 16 | (row.rgb()[3 * x + 1] & 0xff) << 8
                        | row.rgb()[3 * x + 2] & 0xff;
                image.setRGB(x, row.y(), rgb);
            }
        }
        return image;
    }

    /** Whether two pictures have the same size and pixels. */
    static boolean samePixels(BufferedImage a, BufferedImage b) {
        return a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight()
                && Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                        b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }

    /** What a run produced: the PNG written and whether the in-process and multi-JVM pictures agree. */
    record Result(Path png, boolean identical) {
    }

    /** Renders three ways, printing to {@code out}; see the class comment for {@code args}. */
    public static Result run(PrintStream out, String... args) {
        Options options = Options.parse("mandelbrot", args, OPTIONS, Set.of());
        int width = options.integer("width", 1200);
        int height = options.integer("height", 900);
        int iterations = options.integer("iterations", 2000);
        int workers = options.integer("workers", Math.max(2, Runtime.getRuntime().availableProcessors()));
        Path png = Path.of(options.string("out", "mandelbrot.png"));
        List<Line> lines = lines(width, height, iterations);
        out.printf("Mandelbrot %dx%d, up to %,d iterations a pixel, %d rows farmed out%n", width, height, iterations,
                height);
        Farm.Run<Row> one = Farm.inProcess(1).run(lines, null);
        Farm.Run<Row> threads = Farm.inProcess(workers).run(lines, null);
        Farm.Run<Row> jvms = Farm.separateJvms(workers).run(lines, null);
        out.printf("  %-30s %8.2f s   speedup %5.2fx%n", "1 worker thread", one.seconds(), 1.0);
        for (Farm.Run<Row> r : List.of(threads, jvms)) {
            String how = r == threads ? workers + " worker threads" : workers + " JVMs (ProcessPipeline)";
            out.printf("  %-30s %8.2f s   speedup %5.2fx%n", how, r.seconds(), one.seconds() / r.seconds());
        }
        BufferedImage picture = image(threads.results(), width, height);
        boolean identical = samePixels(picture, image(jvms.results(), width, height))
                && samePixels(picture, image(one.results(), width, height));
        try {
            ImageIO.write(picture, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("mandelbrot: cannot write " + png.toAbsolutePath(), e);
        }
        out.printf("wrote %s (%dx%d); the pictures from threads and from JVMs are %s%n", png, width, height,
                identical ? "identical" : "DIFFERENT");
        return new Result(png, identical);
    }

    /** {@code ./k4j example mandelbrot [--width N] [--height N] [--iterations N] [--workers N] [--out FILE]}. */
    public static void main(String[] args) {
        run(System.out, args);
    }
}
