package org.kamaelia4j.process;

/**
 * An exception that was thrown in another JVM, as it arrives in this one inside an
 * {@code ErrorInformation}: the original's class name, message and stack trace, without its class.
 *
 * <pre>{@code
 * if (m instanceof ErrorInformation err && err.exception() instanceof RemoteFailure remote) {
 *     log.warn("stage failed with {}", remote.remoteClassName());
 * }
 * }</pre>
 */
public final class RemoteFailure extends RuntimeException {

    private final String remoteClassName;
    private final String remoteMessage;

    /** A failure of class {@code remoteClassName} with the message it had, or null. */
    public RemoteFailure(String remoteClassName, String remoteMessage) {
        super(remoteMessage == null ? remoteClassName : remoteClassName + ": " + remoteMessage);
        this.remoteClassName = remoteClassName;
        this.remoteMessage = remoteMessage;
    }

    /** The message of the exception in the JVM that threw it, or null. */
    public String remoteMessage() {
        return remoteMessage;
    }

    /** The class name of the exception in the JVM that threw it. */
    public String remoteClassName() {
        return remoteClassName;
    }
}
