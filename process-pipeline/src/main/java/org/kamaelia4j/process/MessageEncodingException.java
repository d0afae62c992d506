package org.kamaelia4j.process;

/**
 * A message could not cross a link between JVMs: no codec can write it, or its bytes could not be
 * read back. The message names the message's class, the stage and the link.
 */
public final class MessageEncodingException extends RuntimeException {

    /** An encoding failure described by {@code message}. */
    public MessageEncodingException(String message) {
        super(message);
    }

    /** An encoding failure described by {@code message}, caused by {@code cause}. */
    public MessageEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
