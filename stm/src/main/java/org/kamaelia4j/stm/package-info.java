/**
 * Axon.STM for Java: a versioned store of named values with all-or-nothing commits.
 *
 * <p>Filled by the stm issue; the module exists so that the build shape is final from the start.
 */
package org.kamaelia4j.stm;
