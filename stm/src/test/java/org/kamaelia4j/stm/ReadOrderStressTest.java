package org.kamaelia4j.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One-key copies (which read no clock) and multi-key copies (which do) agree on the order of
 * commits: whatever one read returned, every read that starts after it sees that version or a newer
 * one, whichever path either read takes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadOrderStressTest {

    private static final int COMMITS = 20_000;

    @Test
    void readsNeverGoBackInTimeAcrossTheOneKeyAndTheSnapshotPaths() throws Exception {
        Store store = new Store();
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < COMMITS; i++) {
                Changeset both = store.using("k", "twin");    // multi-key commits keep both keys in step
                both.set("k", i);
                both.set("twin", i);
                both.commit();
            }
            done.set(true);
        });
        long seen = 0;
        long reads = 0;
        boolean oneKey = true;
        while (!done.get() || reads == 0) {
            long version;
            if (oneKey) {
                version = store.usevar("k").version();
            } else {
                Changeset c = store.using("k", "twin");
                version = c.version("k");
                assertEquals(version, c.version("twin"), "a snapshot never shows half a commit");
            }
            assertTrue(version >= seen, "read " + version + " after having seen " + seen);
            seen = version;
            oneKey = !oneKey;
            reads++;
        }
        writer.join();
        assertEquals(COMMITS, store.usevar("k").version());
        assertEquals(COMMITS, store.using("k", "twin").version("k"));
    }
}
