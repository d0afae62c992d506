package org.kamaelia4j.process;

import java.io.Serializable;

/**
 * What a {@link ProcessNetwork} does when a stage's JVM dies: report and shut down
 * ({@link #never()}, the default), or start the stage again, up to a number of times
 * ({@link #upTo(int)}).
 *
 * <pre>{@code
 * Stage.of(() -> new Doubler()).restart(RestartPolicy.upTo(3));
 * }</pre>
 *
 * <p>A restarted stage gets a fresh component in a fresh JVM. It resumes reading each input link
 * after the last message it acknowledged in a checkpoint, and it numbers its output as its previous
 * incarnation did, so receivers drop what they already delivered: see {@link ProcessNetwork} for
 * the exact delivery guarantee. A stage with a restart policy other than {@code never} takes those
 * checkpoints, which makes it feed its component in batches and wait for it to go idle between them.
 *
 * @param maxRestarts how many times a stage may be started again after dying; 0 means never
 */
public record RestartPolicy(int maxRestarts) implements Serializable {

    private static final RestartPolicy NEVER = new RestartPolicy(0);

    /** Checks the count. */
    public RestartPolicy {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("a restart policy allows 0 or more restarts, got " + maxRestarts);
        }
    }

    /** A stage that dies is reported and the network shuts down. */
    public static RestartPolicy never() {
        return NEVER;
    }

    /** A stage that dies is started again, at most {@code maxRestarts} times over the network's run. */
    public static RestartPolicy upTo(int maxRestarts) {
        return new RestartPolicy(maxRestarts);
    }

    /** True when the stage may ever be restarted (and so takes checkpoints). */
    public boolean restarts() {
        return maxRestarts > 0;
    }
}
