/**
 * Axon's inter-process communication messages: shutdown, errors, status and new components.
 *
 * <p>All are immutable records, safe to share between threads and schedulers.
 */
package org.kamaelia4j.axon.ipc;
