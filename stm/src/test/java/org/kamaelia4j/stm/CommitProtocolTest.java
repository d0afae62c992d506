package org.kamaelia4j.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-key protocol, driven by hand: a test plays a second commit that has claimed a key and then
 * stalls (as a descheduled thread would), and checks what readers and other commits do meanwhile.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommitProtocolTest {

    private final Store store = new Store();

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    private void put(String key, String value) {
        Value<String> v = store.usevar(key);
        v.set(value);
        v.commit();
    }

    /** Another commit that claimed {@code key} (expecting {@code version}) and has not gone on. */
    private Claim stalledClaim(Commit stalled, String key, long version, String value) {
        return store.cell(key).claim(stalled, key, version, value);
    }

    @Test
    void readersLookThroughAClaimWithoutWaiting() {
        put("k", "old");
        Commit stalled = store.newCommit();
        stalledClaim(stalled, "k", 1, "theirs");

        assertEquals("old", store.usevar("k").get());
        assertEquals(new Versioned(1, "old"), store.snapshot().get("k"));
        assertEquals("old", store.using("k", "other").get("k"));
    }

    @Test
    void aPreparedCommitIsStampedByTheReaderThatMeetsIt() {
        put("k", "old");
        Commit stalled = store.newCommit();
        stalledClaim(stalled, "k", 1, "theirs");
        stalled.prepare();

        assertEquals("old", store.using("k", "other").get("k"),
                "stamped after this snapshot's moment: not visible to it");
        assertEquals("theirs", store.using("k", "other").get("k"),
                "visible to every later reader, with no help from its owner");
        assertEquals("theirs", store.usevar("k").get(), "a one-key copy takes the newest stamped version");
        assertEquals(2, store.usevar("k").version());
    }

    @Test
    void aOneKeyCopyLinearizesAPreparedCommitAtOnce() {
        put("k", "old");
        Commit stalled = store.newCommit();
        stalledClaim(stalled, "k", 1, "theirs");
        stalled.prepare();

        Value<String> v = store.usevar("k");
        assertEquals("theirs", v.get(), "the reader stamps the prepared commit and, needing no clock, sees it");
        assertEquals(2, v.version());
        assertTrue(Commit.isCommitted(stalled.outcome()));
    }

    @Test
    void aCommitWaitingForAClaimThatCommitsFailsWithAConflict() throws Exception {
        put("k", "old");
        Commit stalled = store.newCommit();
        Claim claim = stalledClaim(stalled, "k", 1, "theirs");
        Value<String> mine = store.usevar("k");
        mine.set("mine");
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(mine::commit);

        stalled.prepare();
        store.cell("k").settle(claim, stalled.outcome());

        ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(20, TimeUnit.SECONDS));
        ConcurrentUpdateException conflict = assertInstanceOf(ConcurrentUpdateException.class, failed.getCause());
        assertEquals(2, conflict.storeVersion());
        assertEquals(new Versioned(2, "theirs"), store.snapshot().get("k"));
    }

    @Test
    void aCommitWaitingForAClaimThatAbortsGoesAhead() throws Exception {
        put("k", "old");
        Commit stalled = store.newCommit();
        Claim claim = stalledClaim(stalled, "k", 1, "theirs");
        Value<String> mine = store.usevar("k");
        mine.set("mine");
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(mine::commit);

        stalled.abort();
        store.cell("k").settle(claim, stalled.outcome());

        waiting.get(20, TimeUnit.SECONDS);
        assertEquals(new Versioned(2, "mine"), store.snapshot().get("k"));
    }

    @Test
    void anInterruptedWaitBacksOutWithBusyRetryAndGivesBackWhatItClaimed() {
        put("a", "a1");
        put("k", "old");
        stalledClaim(store.newCommit(), "k", 1, "theirs");
        Changeset mine = store.using("a", "k");
        mine.set("a", "mine");
        mine.set("k", "mine");

        Thread.currentThread().interrupt();
        BusyRetryException busy = assertThrows(BusyRetryException.class, mine::commit);
        assertEquals("k", busy.key());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is left set");
        put("a", "a2"); // flag still set: a claim left on 'a' would end in BusyRetryException here
        assertEquals(new Versioned(2, "a2"), store.snapshot().get("a"));
        assertEquals(new Versioned(1, "old"), store.snapshot().get("k"));
    }

    @Test
    void aBusyRetryLeavesTheCopyUsable() {
        put("k", "old");
        Commit stalled = store.newCommit();
        Claim claim = stalledClaim(stalled, "k", 1, "theirs");
        Value<String> mine = store.usevar("k");
        mine.set("mine");
        Thread.currentThread().interrupt();
        assertThrows(BusyRetryException.class, mine::commit);
        Thread.interrupted();

        stalled.abort();
        store.cell("k").settle(claim, stalled.outcome());
        mine.commit();
        assertEquals(new Versioned(2, "mine"), store.snapshot().get("k"));
    }

    @Test
    void aClaimOfAnotherVersionIsAConflictAtOnceWithoutWaiting() {
        Value<String> early = store.usevar("k");
        put("k", "v1");
        stalledClaim(store.newCommit(), "k", 1, "theirs");

        Thread.currentThread().interrupt(); // a wait would end in BusyRetryException instead
        ConcurrentUpdateException conflict = assertThrows(ConcurrentUpdateException.class, early::commit);
        assertEquals(0, conflict.copyVersion());
        assertEquals(1, conflict.storeVersion());
    }

    @Test
    void aFailedCommitGivesBackTheKeysItClaimed() {
        put("a", "a1");
        put("b", "b1");
        Changeset stale = store.using("a", "b");
        put("b", "b2");
        assertThrows(ConcurrentUpdateException.class, stale::commit);

        Value<String> a = store.usevar("a");
        a.set("a2");
        Thread.currentThread().interrupt(); // a claim left on 'a' would make this wait, then BusyRetry
        a.commit();
        assertEquals(new Versioned(2, "a2"), store.snapshot().get("a"));
    }

    @Test
    void aKeyKeepsAShortHistoryThatReadersCanDeepen() {
        put("k", "v1"); // stamp 1
        put("k", "v2"); // stamp 2
        put("k", "v3"); // stamp 3
        Cell cell = store.cell("k");
        assertEquals("v3", cell.visibleAt(3).value);
        assertEquals("v2", cell.visibleAt(2).value, "one older version is kept");
        assertNull(cell.visibleAt(1), "older ones are dropped until a reader needs them");

        cell.deepenHistory();
        put("k", "v4"); // stamp 4
        assertEquals("v2", cell.visibleAt(2).value, "two older versions are kept now");
        assertNull(cell.visibleAt(1));
        assertSame(Entry.EMPTY, new Store().cell("fresh").visibleAt(0), "a new key shows version 0 to everyone");
    }
}
