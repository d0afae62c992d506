/**
 * Kamaelia's utility components: sources, sinks, transformers, filters, splitters and the
 * console.
 *
 * <p>Threading: every component here is an ordinary {@link org.kamaelia4j.axon.Component} whose
 * state is touched only by its own slices, except where a class says otherwise (the console
 * reader runs on its own thread; {@link org.kamaelia4j.components.util.Collector}'s snapshot
 * methods may be called from any thread). Each finishes on {@code ProducerFinished} or
 * {@code ShutdownMicroprocess} from {@code control}, after what arrived before it, and passes
 * that message on through {@code signal}; sources send {@code ProducerFinished} when done.
 */
package org.kamaelia4j.components.util;
