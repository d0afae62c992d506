/**
 * Kamaelia's chassis: components that hold, wire and run other components.
 *
 * <p>Axon builds programs by composition, and these are its frames. {@link
 * org.kamaelia4j.components.chassis.Carousel} runs one child at a time, made from a message;
 * {@link org.kamaelia4j.components.chassis.Seq} runs children one after another and {@link
 * org.kamaelia4j.components.chassis.Par} side by side; {@link
 * org.kamaelia4j.components.chassis.Fanout} and {@link
 * org.kamaelia4j.components.chassis.PlugSplitter} (with {@link
 * org.kamaelia4j.components.chassis.Plug}) copy one stream to many destinations; {@link
 * org.kamaelia4j.components.chassis.Backplane} with {@link
 * org.kamaelia4j.components.chassis.PublishTo} and {@link
 * org.kamaelia4j.components.chassis.SubscribeTo} is a named bus found through the scheduler's
 * {@link org.kamaelia4j.axon.CoordinatingAssistantTracker}; and {@link
 * org.kamaelia4j.components.chassis.Supervisor}, which Axon lacks, restarts failed children the
 * way an Erlang/OTP supervisor does.
 *
 * <h2>Conventions</h2>
 * Children run on their parent's scheduler and are wired with passthrough linkages where the
 * chassis only frames them, so a message still takes one queue hop. Every component finishes on
 * {@code ProducerFinished} or {@code ShutdownMicroprocess} from {@code control}, after what
 * arrived before it; a chassis hands that message to its children and finishes once they have.
 * Where a chassis copies messages itself, a full destination inbox holds the message back and the
 * chassis reads no more input until it has room: nothing is lost, and back-pressure reaches the
 * source.
 *
 * <h2>Threading</h2>
 * Every class here is an ordinary component whose state is touched only by its own slices, on one
 * worker or many. Children may run on other workers at the same time; a chassis learns that a
 * child finished from {@code isStopped()} and the wake-up the child's end gives its parent, and
 * reads what the child sent on its way out only from its next slice, when every such message is
 * visible. The monitoring methods ({@code Supervisor.restarts()}, {@code
 * SubscribeTo.isSubscribed()}, ...) may be called from any thread and say so.
 */
package org.kamaelia4j.components.chassis;
