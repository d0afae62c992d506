package org.kamaelia4j.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Instrumentation;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Carries out one command of {@code POST /api/command} on a component of this JVM.
 *
 * <pre>{@code
 * Commands.run(scheduler, Json.object(Json.parse("{\"action\":\"pause\",\"component\":\"7\"}")));
 * }</pre>
 *
 * <p>Actions: {@code inject} puts {@code message} (text, or parsed JSON when {@code json} is true)
 * into inbox {@code box} (default {@code inbox}); {@code pause} holds the component (it runs no
 * slice, messages queue up) and {@code resume} lets it go on; {@code shutdown} puts a
 * {@code ShutdownMicroprocess} into its {@code control} inbox; {@code stop} stops it at once.
 * Bad input throws {@link IllegalArgumentException} with a message naming what exists. Any thread.
 */
final class Commands {

    static final List<String> ACTIONS = List.of("inject", "pause", "resume", "shutdown", "stop");

    private Commands() {
    }

    /** Runs the command on a live component of {@code scheduler}. */
    static void run(Scheduler scheduler, Map<String, Object> command) {
        String action = text(command, "action");
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown action '" + action + "'; the actions are " + ACTIONS);
        }
        Component c = find(scheduler, text(command, "component"));
        switch (action) {
            case "inject" -> inject(c, command);
            case "pause" -> Instrumentation.hold(c);
            case "resume" -> Instrumentation.release(c);
            case "shutdown" -> deliver(c, Component.CONTROL, new ShutdownMicroprocess());
            default -> c.stop();
        }
    }

    private static void inject(Component c, Map<String, Object> command) {
        Object box = command.get("box");
        String inbox = box == null ? Component.INBOX : box.toString();
        Object message = command.get("message");
        if (message == null) {
            throw new IllegalArgumentException("inject needs a \"message\"");
        }
        if (Boolean.TRUE.equals(command.get("json")) && message instanceof String s) {
            message = Json.parse(s);
        }
        if (message == null) {
            throw new IllegalArgumentException("inject cannot send null; send some text or a JSON value");
        }
        deliver(c, inbox, message);
    }

    private static void deliver(Component c, String inbox, Object message) {
        if (!c.inboxNames().contains(inbox)) {
            throw new IllegalArgumentException(c.name() + " has no inbox '" + inbox + "'; its inboxes are "
                    + c.inboxNames());
        }
        try {
            Instrumentation.inject(c, inbox, message);
        } catch (BoxFullException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Component find(Scheduler scheduler, String id) {
        List<String> known = new ArrayList<>();
        for (Component c : Snapshot.components(scheduler)) {
            String cid = Registry.id(c);
            if (cid.equals(id)) {
                return c;
            }
            known.add(cid + " (" + c.name() + ")");
        }
        throw new IllegalArgumentException("no running component '" + id + "'; the running components are " + known);
    }

    private static String text(Map<String, Object> command, String key) {
        Object v = command.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the command needs \"" + key + "\"; got " + Json.write(command));
        }
        return v.toString();
    }
}
