/**
 * Kamaelia's component library: chassis, util, file, console, net and protocol components.
 *
 * <p>Filled by the components issue; every component here runs on the axon-core scheduler and
 * follows Axon's shutdown convention.
 */
package org.kamaelia4j.components;
