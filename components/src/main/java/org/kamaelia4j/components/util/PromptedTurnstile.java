package org.kamaelia4j.components.util;

import org.kamaelia4j.axon.Boxes;

/**
 * Lets one message through for each prompt on its {@code next} inbox (Kamaelia's
 * {@code Util.PromptedTurnstile}): a turnstile with messages queuing at it.
 *
 * <pre>{@code
 * Graphline.builder()
 *     .component("SOURCE", FileReader.lines(script))
 *     .component("GATE", new PromptedTurnstile())
 *     .component("SINK", new ConsoleEchoer())
 *     .link("SOURCE", "outbox", "GATE", "inbox")
 *     .link("BUTTON", "outbox", "GATE", "next")
 *     .link("GATE", "outbox", "SINK", "inbox")
 *     ...
 * }</pre>
 *
 * <p>Messages wait in its {@code inbox} (so a bounded inbox pushes back on the producer) until a
 * prompt arrives; prompts that arrive while nothing waits are counted and used as soon as
 * messages come. After {@code ProducerFinished} it finishes once every message that arrived
 * before it has been let through; {@code ShutdownMicroprocess} finishes it at once, leaving the
 * unprompted messages in its inbox.
 */
public final class PromptedTurnstile extends Transformer {

    /** The inbox for prompts. */
    public static final String NEXT = "next";

    private long prompts;

    /** A turnstile with {@code inbox}, {@code next} and {@code control}. */
    public PromptedTurnstile() {
        super(Boxes.builder()
                .inbox(INBOX, "messages waiting to be let through")
                .inbox(NEXT, "prompts: any message lets one message through")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "the messages, one per prompt")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
    }

    @Override
    protected boolean poll() {
        while (dataReady(NEXT)) {
            recv(NEXT);
            prompts++;
        }
        return false;
    }

    @Override
    protected boolean canProcess() {
        return prompts > 0;
    }

    @Override
    protected void process(Object msg) {
        prompts--;
        emit(msg);
    }
}
