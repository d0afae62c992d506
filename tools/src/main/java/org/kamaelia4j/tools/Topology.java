package org.kamaelia4j.tools;

/**
 * The lines of Kamaelia's topology protocol, as Axon's {@code Introspector} wrote them for the
 * {@code AxonVisualiser}, and the node ids Kamaelia4J uses in them.
 *
 * <pre>{@code
 * DEL ALL
 * ADD NODE "7" "Producer_7" randompos component
 * ADD NODE "7.o.outbox" "outbox" randompos outbox
 * ADD LINK "7" "7.o.outbox"
 * ADD LINK "7.o.outbox" "8.i.inbox"
 * DEL LINK "7.o.outbox" "8.i.inbox"
 * DEL NODE "7.o.outbox"
 * }</pre>
 *
 * <p>A component's node id is its id (prefixed with its JVM's id and a colon in a stage JVM, such
 * as {@code "double:5"}); a box's node id is the component's id, {@code .i.} or {@code .o.} and the
 * box name, the readable form of Axon's {@code (id, "i", name)} tuple. A component node is joined
 * to each of its box nodes by a link from the component; a linkage is a link between two box
 * nodes, from the source box. Stateless; any thread.
 */
public final class Topology {

    /** The line that tells a receiver to forget everything: the first thing an Introspector sends. */
    public static final String DEL_ALL = "DEL ALL";

    private Topology() {
    }

    /** {@code ADD NODE "id" "name" randompos component}. */
    public static String addComponent(String id, String name) {
        return "ADD NODE " + quote(id) + " " + quote(name) + " randompos component";
    }

    /** {@code ADD NODE "boxId" "name" randompos inbox} (or {@code outbox}). */
    public static String addBox(String boxId, String name, boolean inbox) {
        return "ADD NODE " + quote(boxId) + " " + quote(name) + " randompos " + (inbox ? "inbox" : "outbox");
    }

    /** {@code DEL NODE "id"}. */
    public static String delNode(String id) {
        return "DEL NODE " + quote(id);
    }

    /** {@code ADD LINK "from" "to"}. */
    public static String addLink(String from, String to) {
        return "ADD LINK " + quote(from) + " " + quote(to);
    }

    /** {@code DEL LINK "from" "to"}. */
    public static String delLink(String from, String to) {
        return "DEL LINK " + quote(from) + " " + quote(to);
    }

    /** The node id of a box: {@code componentId.i.name} for an inbox, {@code componentId.o.name} for an outbox. */
    public static String boxId(String componentId, boolean inbox, String name) {
        return componentId + (inbox ? ".i." : ".o.") + name;
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "'") + '"';
    }
}
