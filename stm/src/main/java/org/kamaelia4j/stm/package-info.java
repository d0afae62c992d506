/**
 * Axon.STM for Java: a {@link org.kamaelia4j.stm.Store} of named, versioned values that threads and
 * components share by taking private copies and committing them back all-or-nothing.
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link org.kamaelia4j.stm.Store}: the shared state; hands out copies, takes commits, gives
 *       consistent {@linkplain org.kamaelia4j.stm.Store#snapshot() snapshots} (typed) and
 *       {@linkplain org.kamaelia4j.stm.Store#export() exports} (plain maps for printing or JSON).</li>
 *   <li>{@link org.kamaelia4j.stm.Value} (one key) and {@link org.kamaelia4j.stm.Changeset}
 *       (several keys): private copies that remember the versions they were read at.</li>
 *   <li>{@link org.kamaelia4j.stm.ConcurrentUpdateException}: a commit found a key changed and
 *       wrote nothing; {@link org.kamaelia4j.stm.BusyRetryException}: a commit was interrupted while
 *       waiting and wrote nothing; {@link org.kamaelia4j.stm.RetriesExhaustedException}: a
 *       {@link org.kamaelia4j.stm.RetryPolicy} ran out.</li>
 * </ul>
 *
 * <pre>{@code
 * Store store = new Store();                       // share this
 * int before = store.atomically(c -> {             // each try works on its own fresh copy
 *     Integer hits = c.get("hits");                // null: nobody committed "hits" yet
 *     c.set("hits", hits == null ? 1 : hits + 1);
 *     return hits == null ? 0 : hits;
 * }, "hits");
 * }</pre>
 *
 * <h2>Threading rules</h2>
 * <ol>
 *   <li><b>Share the store, not the copies.</b> A {@code Store} may be used from any number of
 *       threads at once, including scheduler workers and {@code ThreadedComponent} threads. A
 *       {@code Value} or {@code Changeset} is a private copy belonging to the thread (component)
 *       that took it; it is not thread-safe and must not be handed to another thread.</li>
 *   <li><b>Values are immutable once committed.</b> The store keeps the object you commit and
 *       hands the same object to readers. Commit records, strings, boxed numbers or immutable
 *       collections, and never change an object after committing it; for mutable types construct
 *       the store with a copier, which the store applies to every value going in and coming out.</li>
 *   <li><b>Reads never wait.</b> {@code usevar}, {@code using} and {@code snapshot} take no lock and
 *       never wait for a writer: they read the store's commit clock once and pick, per key, the
 *       newest version committed by then (keys keep a short history of older versions for this);
 *       a copy of one key just takes its newest committed version.
 *       What they return is consistent: never part of a commit without the rest of it.</li>
 *   <li><b>Commits never take a global lock.</b> A commit claims its keys one at a time in sorted
 *       key order, so commits on disjoint keys run in parallel. A commit may wait, briefly, only for
 *       another commit that is in the middle of claiming one of the same keys; because every commit
 *       claims in the same order, these waits cannot form a cycle (no deadlock), and because no
 *       commit aborts another, they cannot livelock. The wait spins, then yields, then parks for
 *       microseconds at a time, so it is safe on virtual threads and on scheduler workers.</li>
 *   <li><b>No user code runs while keys are claimed.</b> The body of {@code atomically}, the
 *       copier, and values' own methods all run with nothing held, so they cannot block a commit
 *       or deadlock with it. The store never calls {@code equals}, {@code hashCode} or
 *       {@code toString} on values (only {@code toString} of a copy and {@code export()} do,
 *       after reading, with nothing held).</li>
 *   <li><b>Conflicts mean progress.</b> A {@code ConcurrentUpdateException} is thrown only because
 *       another commit on that key succeeded; redo the work on a fresh copy, or let
 *       {@code Store.atomically} do it. A {@code BusyRetryException} is thrown only when a thread
 *       whose interrupt flag is set had to wait for another commit; the copy is still valid.</li>
 *   <li><b>Visibility.</b> A successful commit happens-before every read that sees its values, so
 *       what the committing thread wrote into a value before committing it is visible to the
 *       reader. Commits and reads are linearizable: a read that starts after a commit returned sees
 *       it, or something newer.</li>
 * </ol>
 */
package org.kamaelia4j.stm;
