/**
 * Axon for Java: microprocesses, the scheduler, components with named inboxes and outboxes,
 * linkages, Pipeline and Graphline.
 *
 * <h2>The model</h2>
 * A {@link org.kamaelia4j.axon.Component} is a small piece of behaviour that talks only through
 * its boxes. Composition happens outside it: {@link org.kamaelia4j.axon.Pipeline} chains
 * components, {@link org.kamaelia4j.axon.Graphline} wires them in any shape, and both are
 * components themselves. A {@link org.kamaelia4j.axon.Scheduler} runs every activated component
 * one time slice ({@link org.kamaelia4j.axon.Component#main()}) at a time.
 *
 * <h2>Threading rules</h2>
 * <ul>
 *   <li>A microprocess's slices never run concurrently with each other; consecutive slices may
 *       run on different worker threads of a multi-worker scheduler, with a happens-before edge
 *       between them, so a component's fields need no synchronisation.</li>
 *   <li>{@code recv}, {@code dataReady}, {@code dataCount}, {@code anyReady}, {@code link},
 *       {@code unlink}, {@code addChildren} and box changes belong to the component's own slices,
 *       or to whoever builds it before activation. (A {@link org.kamaelia4j.axon.ThreadedComponent}'s
 *       thread takes the slices' place for {@code recv}, {@code dataReady} and {@code send}.)</li>
 *   <li>Deliveries into a component ({@code send} by others, {@link org.kamaelia4j.axon.Handle#put}),
 *       {@code unpause()} and {@code stop()} are safe from any thread. A delivery is visible in
 *       the receiver's {@code dataCount} as soon as {@code send} returns.</li>
 *   <li>No wake-up is lost: a wake that races with the end of a slice that asked to pause leaves
 *       the microprocess runnable.</li>
 *   <li>A declared box is made the first time anyone uses it, whichever thread that is (the owner,
 *       a sender through a {@link org.kamaelia4j.axon.Handle}, a linker): the component's box
 *       table is copied with the new box under the component's lock and published through a
 *       volatile field, so racing first uses get the same box and readers take no lock. A slice's
 *       inbox snapshot starts over if the table changes under it.</li>
 *   <li>A component that throws is finished, reports {@code ErrorInformation} on its
 *       {@code signal} outbox and logs one WARN line; nothing else is affected.</li>
 * </ul>
 */
package org.kamaelia4j.axon;
