package org.kamaelia4j.stm;

/**
 * The common parent of the exceptions a {@link Store} throws on purpose, so that a caller can catch
 * "the store said no" in one place.
 *
 * <pre>{@code
 * try {
 *     store.atomically(policy, body, "a", "b");
 * } catch (StmException refused) {
 *     log.warn("not committed: {}", refused.getMessage());
 * }
 * }</pre>
 *
 * <p>Unchecked, like the rest of Kamaelia4J's exceptions. Misuse (a null or unknown key, committing
 * a copy that is known to be stale) is reported with the JDK's own {@link NullPointerException},
 * {@link IllegalArgumentException} and {@link IllegalStateException} instead, because retrying
 * cannot fix it.
 */
public abstract class StmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was refused, naming the key */
    protected StmException(String message) {
        super(message);
    }

    /**
     * @param message what was refused, naming the key
     * @param cause   the refusal that led to this one
     */
    protected StmException(String message, Throwable cause) {
        super(message, cause);
    }
}
