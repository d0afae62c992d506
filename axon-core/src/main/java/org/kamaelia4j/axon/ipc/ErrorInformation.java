package org.kamaelia4j.axon.ipc;

/**
 * A component failed (Axon's {@code errorInformation}). The scheduler sends it on the
 * {@code signal} outbox of a component whose {@code main()} threw, after which the component is
 * finished; components also send it themselves to report errors they handled.
 *
 * <pre>{@code
 * if (m instanceof ErrorInformation err) {
 *     log.warn("{} failed: {}", err.caller(), err.message(), err.exception());
 * }
 * }</pre>
 *
 * @param caller    the component that failed
 * @param exception what it threw, or null
 * @param message   a human-readable description naming the component and what went wrong
 */
public record ErrorInformation(Object caller, Throwable exception, String message) implements Ipc {
}
