package org.kamaelia4j.axon;

/**
 * What one time slice of a {@link Microprocess} asks for next: the Java form of a Python
 * generator's {@code yield} and {@code return}.
 *
 * <pre>{@code
 * protected Step main() {
 *     while (dataReady()) send(recv());   // work available now
 *     return Step.PAUSE;                  // sleep until a message arrives
 * }
 * }</pre>
 */
public enum Step {
    /** {@code yield}: run again on a later cycle. */
    CONTINUE,
    /** {@code self.pause(); yield}: sleep until woken by a delivery, a child finishing or {@code unpause()}. */
    PAUSE,
    /** {@code return}: the microprocess is finished. */
    DONE
}
