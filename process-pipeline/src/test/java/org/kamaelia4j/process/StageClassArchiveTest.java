package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StageClassArchiveTest {

    private static final List<String> OPTIONS = List.of("-Xmx64m");

    @TempDir
    Path dir;

    @Test
    void aClassPathWithADirectoryGetsNoArchive() throws IOException {
        String classPath = jar("a.jar") + File.pathSeparator + Files.createDirectories(dir.resolve("classes"));
        assertEquals(List.of(), StageClassArchive.forStage(classPath, OPTIONS, dir.resolve("cds")).flags());
    }

    @Test
    void theFirstStageWritesTheArchiveAndLaterOnesMapIt() throws IOException {
        String classPath = jar("a.jar") + File.pathSeparator + jar("b.jar");
        Path cds = dir.resolve("cds");
        StageClassArchive first = StageClassArchive.forStage(classPath, OPTIONS, cds);
        assertTrue(first.writes());
        assertTrue(first.flags().getFirst().startsWith("-XX:ArchiveClassesAtExit=" + cds), first.flags().toString());
        assertEquals(List.of(), StageClassArchive.forStage(classPath, OPTIONS, cds).flags(),
                "a second stage started while the first writes runs without the archive");
        Files.writeString(Path.of(first.flags().getFirst().substring("-XX:ArchiveClassesAtExit=".length())), "cds");
        first.settle(true);
        assertTrue(Files.isRegularFile(first.archive()));
        StageClassArchive later = StageClassArchive.forStage(classPath, OPTIONS, cds);
        assertFalse(later.writes());
        assertEquals("-XX:SharedArchiveFile=" + first.archive(), later.flags().getFirst());
        try (var files = Files.list(cds)) {
            assertEquals(List.of(first.archive()), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aFailedStagesArchiveIsDroppedAndTheNextStageWritesAgain() throws IOException {
        String classPath = jar("a.jar");
        Path cds = dir.resolve("cds");
        StageClassArchive first = StageClassArchive.forStage(classPath, OPTIONS, cds);
        Files.writeString(Path.of(first.flags().getFirst().substring("-XX:ArchiveClassesAtExit=".length())), "half");
        first.settle(false);
        try (var files = Files.list(cds)) {
            assertEquals(0, files.count());
        }
        assertTrue(StageClassArchive.forStage(classPath, OPTIONS, cds).writes());
    }

    @Test
    void anotherJarOrOtherOptionsGetAnotherArchive() throws IOException {
        Path cds = dir.resolve("cds");
        StageClassArchive a = StageClassArchive.forStage(jar("a.jar"), OPTIONS, cds);
        StageClassArchive b = StageClassArchive.forStage(jar("b.jar"), OPTIONS, cds);
        StageClassArchive c = StageClassArchive.forStage(jar("a.jar"), List.of("-Xmx128m"), cds);
        assertFalse(a.archive().equals(b.archive()) || a.archive().equals(c.archive()), a.archive() + " reused");
    }

    @Test
    void anArchiveDirectoryThatCannotBeWrittenMeansNoArchive() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        assertEquals(List.of(), StageClassArchive.forStage(jar("a.jar"), OPTIONS, notADirectory.resolve("cds")).flags());
    }

    @Test
    void theSystemPropertyTurnsItOff() throws IOException {
        String before = System.getProperty(StageClassArchive.PROPERTY);
        System.setProperty(StageClassArchive.PROPERTY, "false");
        try {
            assertEquals(List.of(), StageClassArchive.forStage(jar("a.jar"), OPTIONS).flags());
        } finally {
            if (before == null) {
                System.clearProperty(StageClassArchive.PROPERTY);
            } else {
                System.setProperty(StageClassArchive.PROPERTY, before);
            }
        }
    }

    /** A real JVM writes the archive as it exits, and the next one maps it (-Xshare:on fails if it cannot). */
    @Test
    @Timeout(120)
    void aRealJvmWritesAnArchiveThatTheNextOneMaps() throws Exception {
        String classPath = helloJar().toString();
        Path cds = dir.resolve("cds");
        StageClassArchive first = StageClassArchive.forStage(classPath, OPTIONS, cds);
        Process writer = java(first.flags(), classPath);
        first.afterExitOf(writer);
        assertEquals("hello", output(writer));
        for (int i = 0; i < 200 && !Files.isRegularFile(first.archive()); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.size(first.archive()) > 0, "archive written");
        StageClassArchive later = StageClassArchive.forStage(classPath, OPTIONS, cds);
        List<String> strict = new ArrayList<>(later.flags());
        strict.add("-Xshare:on");
        assertEquals("hello", output(java(strict, classPath)));
    }

    /** A JVM given a class path with a directory, or an unwritable archive place, still starts and exits 0. */
    @Test
    @Timeout(120)
    void aJvmStartsWhenTheArchiveCannotBeWritten() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        String classPath = helloJar().toString();
        StageClassArchive archive = StageClassArchive.forStage(classPath, OPTIONS, notADirectory.resolve("cds"));
        assertEquals("hello", output(java(archive.flags(), classPath)));
    }

    /** The path of a small jar {@code name} in the test directory, made on first use. */
    private String jar(String name) throws IOException {
        Path jar = dir.resolve(name);
        if (!Files.exists(jar)) {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new JarEntry("x/" + name + ".txt"));
                out.write(name.getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar.toString();
    }

    /** A jar holding class {@code Hello}, which prints "hello". */
    private Path helloJar() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(src.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("Hello.java").toString());
        assertEquals(0, rc, "javac");
        Path jar = dir.resolve("hello.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("Hello.class")));
        }
        return jar;
    }

    private static Process java(List<String> flags, String classPath) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(OPTIONS);
        command.addAll(List.of("-cp", classPath, "Hello"));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Its whole output, trimmed, after checking that it exited with 0. */
    private static String output(Process p) throws Exception {
        try (OutputStream ignored = p.getOutputStream()) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            return out;
        }
    }
}
