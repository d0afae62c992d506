package org.kamaelia4j.components.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.util.ThreadFeed;
import org.kamaelia4j.components.util.Transformer;
import org.kamaelia4j.components.util.WakeTimer;

/**
 * Runs a command as a child process and connects it to boxes: {@code inbox} to its standard
 * input, its standard output to {@code outbox} and its standard error to {@code error}
 * (Kamaelia's {@code File.UnixProcess2}, without the extra named pipes).
 *
 * <pre>{@code
 * new Pipeline(FileReader.bytes(Path.of("big.log")), new UnixProcess(List.of("wc", "-l"), Output.LINES),
 *         new ConsoleEchoer(System.out, false, "\n")).run();
 * }</pre>
 *
 * <h2>Messages</h2>
 * Send {@code byte[]} (written as is) or strings (written as UTF-8) to {@code inbox}. The output
 * comes as {@code byte[]} chunks ({@link Output#BYTES}) or as lines of UTF-8 text without their
 * terminators ({@link Output#LINES}). When the process has exited and both its outputs have been
 * sent, it sends {@code ProducerFinished(this, exitCode)} on {@code signal}: the message of that
 * {@code ProducerFinished} is the exit code, an {@code Integer}.
 *
 * <h2>Shutdown</h2>
 * {@code ProducerFinished} on {@code control} closes the process's standard input once the
 * messages that came before it are written; the component then waits for the process to exit and
 * ends as above. {@code ShutdownMicroprocess} asks the process and its descendants to terminate
 * (SIGTERM), kills them (SIGKILL) if the process is still there two seconds later, and once it has
 * gone is passed on; output not read by then is abandoned. If the process cannot be started, or
 * stops reading its input while input remains (a broken pipe), it ends with an
 * {@code ErrorInformation} on {@code signal} naming the command, how many input messages were not
 * written, and the exit code: nothing is dropped silently.
 *
 * <h2>Threads and back-pressure</h2>
 * Three virtual threads do the blocking I/O, each handing over through a small {@link ThreadFeed}:
 * the component takes no message from {@code inbox} while the writer's feed is full, and when a
 * destination of the output is full the reader blocks, and so, through the pipe, does the process.
 */
public final class UnixProcess extends Transformer {

    /** How the output is sent. */
    public enum Output {
        /** {@code byte[]} chunks as they come, up to 8192 bytes each. */
        BYTES,
        /** One String per line, decoded as UTF-8, without its terminator. */
        LINES
    }

    /** The outbox for the process's standard error. */
    public static final String ERROR = "error";

    private static final int FEED_SIZE = 16;
    private static final int READ_SIZE = 8192;
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final List<String> command;
    private final Output output;
    private final ThreadFeed<Object> stdout = new ThreadFeed<>(this, FEED_SIZE);
    private final ThreadFeed<Object> stderr = new ThreadFeed<>(this, FEED_SIZE);
    private final ThreadFeed<byte[]> stdin = new ThreadFeed<>(this, FEED_SIZE);
    private final AtomicInteger unwritten = new AtomicInteger();
    private volatile IOException stdinFailure;
    private Process process;
    private boolean stdinClosed;
    private boolean terminating;
    /** When a process asked to terminate gets killed, by System.nanoTime(). */
    private long killAt;

    /** Runs {@code command} (program and arguments), sending its output as byte chunks. */
    public UnixProcess(List<String> command) {
        this(command, Output.BYTES);
    }

    /** Runs {@code command} (program and arguments), sending its output as {@code output}. */
    public UnixProcess(List<String> command, Output output) {
        super(Boxes.builder()
                .inbox(INBOX, "byte[] or String messages for the process's standard input")
                .inbox(CONTROL, "ProducerFinished closes its standard input; ShutdownMicroprocess destroys it")
                .outbox(OUTBOX, "its standard output, as byte[] chunks or lines")
                .outbox(ERROR, "its standard error, as byte[] chunks or lines")
                .outbox(SIGNAL, "ProducerFinished(this, exitCode), the ShutdownMicroprocess, or ErrorInformation")
                .build());
        if (command.isEmpty()) {
            throw new IllegalArgumentException("UnixProcess: the command must name a program");
        }
        this.command = List.copyOf(command);
        this.output = output;
    }

    @Override
    protected void initialiseComponent() {
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException | RuntimeException e) {
            finishNow(new ErrorInformation(this, e, name() + " cannot start " + command + ": " + e));
            return;
        }
        process.onExit().thenRun(this::unpause);
        stdout.start(name() + "-stdout", f -> pump(process.getInputStream(), f));
        stderr.start(name() + "-stderr", f -> pump(process.getErrorStream(), f));
        Thread.ofVirtual().name(name() + "-stdin").start(this::writeStdin);
    }

    private void pump(InputStream in, ThreadFeed<Object> feed) throws IOException, InterruptedException {
        if (output == Output.LINES) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                feed.put(line);
            }
        } else {
            byte[] buffer = new byte[READ_SIZE];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (n > 0) {
                    feed.put(Arrays.copyOf(buffer, n));
                }
            }
        }
    }

    private void writeStdin() {
        try (OutputStream in = process.getOutputStream()) {
            for (byte[] data; (data = stdin.take()) != null; ) {
                in.write(data);
                in.flush();
            }
        } catch (IOException e) {
            stdinFailure = e;
            countUnwritten();
            unpause();
        } catch (InterruptedException cancelled) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts, and drops, the input still queued for a standard input that can take no more. */
    private void countUnwritten() {
        while (stdin.poll() != null) {
            unwritten.incrementAndGet();
        }
    }

    @Override
    protected boolean poll() {
        drain(stdout, OUTBOX);
        drain(stderr, ERROR);
        if (processDone()) {
            finishWith(new ProducerFinished(this, process.exitValue()));
        }
        return false;
    }

    private void drain(ThreadFeed<Object> feed, String outbox) {
        for (Object chunk; !holding() && (chunk = feed.poll()) != null; ) {
            emit(chunk, outbox);
        }
    }

    private boolean processDone() {
        return process != null && !process.isAlive() && stdout.ended() && stderr.ended();
    }

    @Override
    protected boolean canProcess() {
        return stdinFailure != null || stdin.hasRoom();
    }

    @Override
    protected void process(Object msg) {
        byte[] data = switch (msg) {
            case byte[] b -> b;
            case CharSequence s -> s.toString().getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(name() + " writes byte[] or String messages to the input of "
                    + command + ", but received a " + msg.getClass().getName() + ": " + msg);
        };
        if (stdinFailure != null || stdinClosed || !stdin.offer(data)) {
            unwritten.incrementAndGet();
        }
    }

    @Override
    protected boolean readyToFinish(Object shutdownMessage) {
        if (process == null || processDone()) {
            return true;
        }
        if (shutdownMessage instanceof ShutdownMicroprocess) {
            if (!terminating) {
                terminating = true;
                killAt = System.nanoTime() + GRACE.toNanos();
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                WakeTimer.wakeAfter(this, GRACE);
            } else if (System.nanoTime() - killAt >= 0) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            return !process.isAlive();
        } else if (!stdinClosed) {
            stdinClosed = stdinFailure != null || stdin.offerEnd();
        }
        return false;
    }

    @Override
    protected Object finishing(Object shutdownMessage) {
        if (process == null || shutdownMessage instanceof ShutdownMicroprocess
                || shutdownMessage instanceof ErrorInformation) {
            return shutdownMessage;
        }
        int exit = process.exitValue();
        countUnwritten();
        int lost = unwritten.get() + dataCount(INBOX);
        Throwable failure = stdinFailure != null ? stdinFailure : stdout.failure() != null ? stdout.failure()
                : stderr.failure();
        if (lost > 0 || failure != null) {
            return new ErrorInformation(this, failure, name() + ": " + command + " exited with code " + exit + "; "
                    + lost + " input message(s) were not written" + (failure == null ? "" : ": " + failure));
        }
        return new ProducerFinished(this, exit);
    }

    @Override
    protected void closeDownComponent() {
        stdout.cancel();
        stderr.cancel();
        stdin.offerEnd();
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
