package org.kamaelia4j.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * A JShell session that runs snippets inside this JVM ({@code jdk.jshell}'s {@code local}
 * execution engine), with this JVM's class path, so that the code sees the live system: for
 * instance {@code org.kamaelia4j.tools.Introspection.scheduler()}.
 *
 * <pre>{@code
 * Repl repl = new Repl();
 * repl.eval("int x = 6 * 7;");          // "x ==> 42\n"
 * repl.eval("System.out.println(x)");   // "42\n"
 * }</pre>
 *
 * <p>Each {@link #eval} may hold several snippets; the answer is what they printed, their values
 * ({@code name ==> value}), compile errors and exceptions. Snippets' {@code System.out} and
 * {@code System.err} go to the answer while they run. Evaluations are serialized (one at a time).
 */
final class Repl implements AutoCloseable {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    private final JShell shell;

    Repl() {
        shell = JShell.builder().executionEngine("local").out(out).err(out).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
    }

    /** Runs {@code code}; returns what it printed and evaluated to. */
    synchronized String eval(String code) {
        captured.reset();
        StringBuilder answer = new StringBuilder();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(out);
        System.setErr(out);
        try {
            String rest = code;
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
                String source = info.source() != null ? info.source() : rest;
                rest = info.source() != null ? info.remaining() : "";
                for (SnippetEvent e : shell.eval(source)) {
                    describe(e, answer);
                }
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        out.flush();
        return captured.toString(StandardCharsets.UTF_8) + answer;
    }

    private void describe(SnippetEvent e, StringBuilder answer) {
        if (e.exception() != null) {
            Exception ex = e.exception();
            String kind = ex instanceof EvalException ee ? ee.getExceptionClassName() : ex.getClass().getName();
            answer.append("exception ").append(kind).append(": ").append(ex.getMessage()).append('\n');
        } else if (e.status() == Snippet.Status.REJECTED) {
            List<Diag> diags = shell.diagnostics(e.snippet()).toList();
            for (Diag d : diags) {
                answer.append("error: ").append(d.getMessage(null)).append('\n');
            }
            if (diags.isEmpty()) {
                answer.append("error: rejected: ").append(e.snippet().source()).append('\n');
            }
        } else if (e.value() != null && e.causeSnippet() == null) {
            String name = e.snippet() instanceof VarSnippet v ? v.name() : "$";
            answer.append(name).append(" ==> ").append(e.value()).append('\n');
        }
    }

    @Override
    public synchronized void close() {
        shell.close();
    }
}
