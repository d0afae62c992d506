package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParentDeathTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stageJvmsExitWhenTheirParentIsKilled() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(ChildJvm.chronicleFlags(Runtime.version().feature()));
        command.addAll(List.of(ProcessPipelineTest.SMALL_JVM));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OrphanParent.class.getName()));
        Process parent = new ProcessBuilder(command).redirectErrorStream(true).start();
        String stages = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; stages == null && (line = out.readLine()) != null; ) {
                if (line.startsWith("STAGES ")) {
                    stages = line;
                }
            }
            assertNotNull(stages, "the parent printed its stages");
            String[] parts = stages.split(" ");
            List<ProcessHandle> children = new ArrayList<>();
            for (int i = 2; i < parts.length; i++) {
                Optional<ProcessHandle> child = ProcessHandle.of(Long.parseLong(parts[i]));
                child.ifPresent(children::add);
            }
            parent.destroyForcibly().waitFor();
            for (ProcessHandle child : children) {
                child.onExit().get();
                assertFalse(child.isAlive(), "stage JVM " + child.pid() + " outlived its parent");
            }
            RunDirectory.delete(Path.of(parts[1]));
        } finally {
            parent.destroyForcibly();
        }
    }
}
