/**
 * The introspector: a live view of the component graph across JVMs, a web UI, a terminal
 * client and a REPL.
 *
 * <p>Filled by the tools issue.
 */
package org.kamaelia4j.tools;
