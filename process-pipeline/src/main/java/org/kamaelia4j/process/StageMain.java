package org.kamaelia4j.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Scheduler;

/**
 * The entry point of a stage JVM, started by a {@link ProcessNetwork}; not for direct use.
 *
 * <pre>{@code
 * java <Chronicle flags> <stage JVM options> -cp <parent's class path> \
 *     org.kamaelia4j.process.StageMain /dev/shm/k4j-run-1234-.../stage-parse.spec
 * }</pre>
 *
 * <p>It reads the stage's spec, builds the component with the stage's factory, and runs it under a
 * {@link StageHost} on a one-worker scheduler on the main thread. It exits with 0 once the
 * component has finished and everything it sent is in the queues; with 1, after printing the
 * failure on standard error (its last line naming the stage and the exception), when the component
 * threw or sent a message no codec could write.
 *
 * <p>It never outlives the parent: a thread waits for end-of-file on standard input, which is a
 * pipe from the parent, and the parent's process handle is watched as well; when either says the
 * parent is gone the JVM halts with exit code {@value #ORPHANED}.
 */
public final class StageMain {

    /** The exit code of a stage JVM whose parent died. */
    public static final int ORPHANED = 3;

    private StageMain() {
    }

    /**
     * Runs the stage described by the spec file {@code args[0]}.
     *
     * @param args the spec file's path
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: StageMain <stage spec file>; StageMain is started by ProcessPipeline");
            System.exit(2);
        }
        StageSpec spec = StageSpec.readFrom(Path.of(args[0]));
        watchParent(spec.parentPid());
        Throwable failure;
        try {
            Component component = spec.stage().newComponent();
            StageHost host = new StageHost(spec, component);
            Scheduler scheduler = Scheduler.create(1);
            host.activate(scheduler);
            scheduler.run();
            failure = host.failure();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        if (failure != null) {
            failure.printStackTrace();
            System.err.println("stage '" + spec.stageName() + "' failed: " + failure);
            System.err.flush();
            System.exit(1);
        }
        System.out.flush();
        System.exit(0);
    }

    private static void watchParent(long parentPid) {
        Thread stdin = Thread.ofPlatform().daemon().name("k4j-parent-pipe").start(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent writes nothing; only end-of-file matters
                }
            } catch (IOException e) {
                // a broken pipe means the same as end-of-file
            }
            orphaned();
        });
        stdin.setUncaughtExceptionHandler((t, e) -> orphaned());
        ProcessHandle.of(parentPid).ifPresentOrElse(parent -> parent.onExit().thenRun(StageMain::orphaned),
                StageMain::orphaned);
    }

    private static void orphaned() {
        Runtime.getRuntime().halt(ORPHANED);
    }
}
