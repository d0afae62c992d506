package org.kamaelia4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes one workload's results as {@code <name>.md} (a Markdown table) and {@code <name>.svg}
 * (a horizontal bar chart) into the results directory.
 *
 * <p>The table gives, for each contender, the median, the spread (min..max) and the number of
 * runs, and for each baseline how Kamaelia4J compares ("2.3x better"; rows that are all
 * Kamaelia4J, such as a p50 and a p99, are not compared with each other), then the workload's
 * notes, so that a reader sees the figure and how it was obtained in one place. Nothing here
 * invents or rounds away a result.
 */
final class Report {

    private final Workload workload;
    private final List<Measurement> measurements;
    private final String machine;

    Report(Workload workload, List<Measurement> measurements, String machine) {
        this.workload = workload;
        this.measurements = List.copyOf(measurements);
        this.machine = machine;
    }

    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(workload.name() + ".md"), markdown());
        Files.writeString(dir.resolve(workload.name() + ".svg"), svg());
    }

    String markdown() {
        Workload.Unit unit = workload.unit();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(workload.name()).append("\n\n")
                .append(workload.title()).append("\n\n")
                .append("Target: ").append(workload.target()).append("\n\n")
                .append(machine).append("\n\n")
                .append("| contender | median (").append(unit.label())
                .append(") | min | max | runs | Kamaelia4J vs this |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (Measurement m : measurements) {
            Measurement ours = oursIn(m.contender().group());
            md.append("| ").append(m.contender().label())
                    .append(" | ").append(format(m.median()))
                    .append(" | ").append(format(m.min()))
                    .append(" | ").append(format(m.max()))
                    .append(" | ").append(m.runs().length)
                    .append(" | ").append(ours == null || m.contender().ours() ? "" : comparison(ours, m))
                    .append(" |\n");
        }
        appendGroupTable(md);
        if (!workload.notes().isEmpty()) {
            md.append("\n").append(workload.notes()).append("\n");
        }
        md.append("\n![").append(workload.name()).append("](").append(workload.name()).append(".svg)\n");
        return md.toString();
    }

    /** Kamaelia4J's measurement in the group, or null. */
    private Measurement oursIn(String group) {
        return measurements.stream()
                .filter(m -> m.contender().ours() && m.contender().group().equals(group))
                .findFirst().orElse(null);
    }

    /** For a workload measured at several settings: medians with one row per group, one column per contender. */
    private void appendGroupTable(StringBuilder md) {
        List<String> groups = measurements.stream().map(m -> m.contender().group()).distinct().toList();
        if (groups.size() < 2) {
            return;
        }
        List<String> names = measurements.stream().map(m -> m.contender().name()).distinct().toList();
        md.append("\nMedians (").append(workload.unit().label()).append(") by setting:\n\n| setting |");
        names.forEach(n -> md.append(' ').append(n).append(" |"));
        md.append("\n|---|").append("---:|".repeat(names.size())).append('\n');
        for (String group : groups) {
            md.append("| ").append(group).append(" |");
            for (String name : names) {
                md.append(' ').append(measurements.stream()
                        .filter(m -> m.contender().group().equals(group) && m.contender().name().equals(name))
                        .findFirst().map(m -> format(m.median())).orElse("")).append(" |");
            }
            md.append('\n');
        }
    }

    private String comparison(Measurement ours, Measurement other) {
        double a = ours.median();
        double b = other.median();
        double factor = workload.unit().higherIsBetter() ? a / b : b / a;
        return factor >= 1 ? format(factor) + "x better" : format(1 / factor) + "x worse";
    }

    String svg() {
        int barHeight = 26;
        int labelWidth = 300;
        int chartWidth = 420;
        int height = 50 + measurements.size() * (barHeight + 8);
        double top = measurements.stream().mapToDouble(Measurement::median).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + chartWidth + 120)
                .append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" font-size=\"13\">\n")
                .append("  <text x=\"8\" y=\"20\" font-weight=\"bold\">").append(escape(workload.name()))
                .append(" (").append(escape(workload.unit().label()))
                .append(workload.unit().higherIsBetter() ? ", higher is better" : ", lower is better")
                .append(")</text>\n");
        int y = 36;
        for (Measurement m : measurements) {
            int width = top > 0 ? (int) Math.round(chartWidth * m.median() / top) : 0;
            String colour = m.contender().ours() ? "#2a7ab0" : "#9aa5ad";
            svg.append("  <text x=\"8\" y=\"").append(y + 17).append("\">").append(escape(m.contender().label()))
                    .append("</text>\n")
                    .append("  <rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"")
                    .append(Math.max(1, width)).append("\" height=\"").append(barHeight).append("\" fill=\"")
                    .append(colour).append("\"/>\n")
                    .append("  <text x=\"").append(labelWidth + Math.max(1, width) + 6).append("\" y=\"")
                    .append(y + 17).append("\">").append(format(m.median())).append("</text>\n");
            y += barHeight + 8;
        }
        return svg.append("</svg>\n").toString();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
