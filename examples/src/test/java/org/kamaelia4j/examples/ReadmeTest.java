package org.kamaelia4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README shows only code that runs: each Java block marked {@code <!-- snippet: NAME -->} is,
 * word for word, the region tagged {@code NAME} in {@link Tutorial} (which {@code ExamplesTest}
 * runs), every {@code ./k4j example NAME} it mentions exists, and every {@code ./k4j COMMAND} is
 * one the script knows.
 */
class ReadmeTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\w+) -->\\s*```java\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern EXAMPLE = Pattern.compile("\\./k4j example ([a-z][a-z0-9-]*)");
    private static final Pattern COMMAND = Pattern.compile("\\./k4j ([a-z]+)");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([a-z][a-z0-9-]*)` \\|");

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    /** The lines between {@code // tag::name[]} and {@code // end::name[]}, with their common indent removed. */
    static String tagged(String source, String name) {
        Matcher m = Pattern.compile("\\n([ \\t]*)// tag::" + name + "\\[]\\n(.*?)\\n[ \\t]*// end::" + name + "\\[]",
                Pattern.DOTALL).matcher(source);
        assertTrue(m.find(), "no region tagged '" + name + "' in Tutorial.java");
        String indent = m.group(1);
        List<String> lines = new ArrayList<>();
        for (String line : m.group(2).split("\n", -1)) {
            lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void everyJavaSnippetIsTheTutorialCodeThatRuns() throws IOException {
        String readme = read("README.md");
        String tutorial = read("examples/src/main/java/org/kamaelia4j/examples/Tutorial.java");
        Matcher m = SNIPPET.matcher(readme);
        int snippets = 0;
        while (m.find()) {
            assertEquals(tagged(tutorial, m.group(1)), m.group(2), "README snippet '" + m.group(1) + "'");
            snippets++;
        }
        assertTrue(snippets >= 6, "the tutorial's six steps are in the README, found " + snippets);
    }

    @Test
    void everyExampleTheReadmeNamesExists() throws IOException {
        String readme = read("README.md");
        Matcher m = EXAMPLE.matcher(readme);
        while (m.find()) {
            if (!m.group(1).equals("list")) {
                assertNotNull(Examples.lookUp(m.group(1)), "README names ./k4j example " + m.group(1));
            }
        }
        String table = readme.substring(readme.indexOf("## Examples"), readme.indexOf("## Modules"));
        Matcher row = TABLE_ROW.matcher(table);
        int rows = 0;
        while (row.find()) {
            assertNotNull(Examples.lookUp(row.group(1)), "README's example table lists " + row.group(1));
            rows++;
        }
        assertFalse(rows == 0, "the README's example table lists examples");
    }

    @Test
    void everyK4jCommandTheReadmeUsesIsInTheScript() throws IOException {
        String script = read("k4j");
        Matcher m = COMMAND.matcher(read("README.md"));
        while (m.find()) {
            assertTrue(script.contains("\n    " + m.group(1) + ")") || script.contains("\n  " + m.group(1) + ")")
                    || script.contains(" " + m.group(1) + ")"), "k4j has no command '" + m.group(1) + "'");
        }
    }
}
