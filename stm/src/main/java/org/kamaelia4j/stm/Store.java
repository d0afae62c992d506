package org.kamaelia4j.stm;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Axon's STM store: named, versioned values that threads share by taking private copies and
 * committing them back all-or-nothing, being told when somebody else got there first.
 *
 * <h2>What it is</h2>
 * <p>Think of it as version control for variables. {@link #usevar} checks out one key as a
 * {@link Value}, {@link #using} checks out several as a {@link Changeset}; both are private copies
 * that record the version they were read at. Work on the copy, then {@code commit()}: if nobody
 * committed those keys in the meantime, every key moves to its next version at once; if somebody
 * did, the commit throws {@link ConcurrentUpdateException}, writes nothing, and you redo the work on
 * a fresh copy. {@link #atomically} runs that loop for you. A key nobody committed yet reads as
 * version 0 with a null value.
 *
 * <pre>{@code
 * Store store = new Store();
 * Changeset d = store.using("account_one", "account_two", "myaccount");
 * d.set("account_one", 50);
 * d.set("account_two", 100);
 * d.set("myaccount", 0);
 * d.commit();
 *
 * // move both balances into myaccount, retrying if another thread commits one of the keys first
 * store.atomically(accounts -> {
 *     int total = accounts.<Integer>get("account_one") + accounts.<Integer>get("account_two");
 *     accounts.set("myaccount", accounts.<Integer>get("myaccount") + total);
 *     accounts.set("account_one", 0);
 *     accounts.set("account_two", 0);
 *     return total;
 * }, "account_one", "account_two", "myaccount");
 * }</pre>
 *
 * <h2>Values</h2>
 * <p>The store keeps the objects you commit; it never looks inside them. Changing an object after
 * committing it must not change the store, so values are treated as immutable: use records,
 * strings, boxed numbers, {@code List.of(...)}. For mutable types give the store a copier
 * ({@link #Store(UnaryOperator)}); it is applied to every value going in (on commit) and coming out
 * (to a copy or a snapshot), as Axon deep-copies in both directions.
 *
 * <h2>How it works</h2>
 * <p>Each key is a cell holding an immutable entry (version, value, commit stamp, link to a few
 * older entries). There is no global lock. A commit claims its keys one by one <em>in sorted
 * order</em>, replacing each expected entry by a claim with one compare-and-set, and fails at the
 * first key whose version is not the one its copy holds (then it puts back what it claimed). When
 * every key is claimed it is prepared and takes a stamp from the store's commit clock; that single
 * step makes all its new values visible at once. Then it swaps each claim for the new entry.
 * Commits on disjoint keys never touch the same cell, so they run in parallel (they share only the
 * clock, an atomic increment that always succeeds). A commit that meets a claim of a decided or
 * prepared commit helps it finish; one that meets a claim of a commit still claiming its keys waits
 * for it, which cannot deadlock, since that commit is only ever waiting for keys sorted after this
 * one, nor livelock, since nobody aborts anybody. This is the ordered locking of PyCSP's
 * {@code double_lock}, with the lock being the claim itself.
 *
 * <p>Readers never wait and never change a value. {@link #using} (of several keys) and
 * {@link #snapshot} read the clock once and then, for each key, take the newest version stamped no
 * later than that: a consistent snapshot, since a commit's keys share one stamp and a commit is
 * stamped only once all its keys are claimed. A copy of a single key ({@link #usevar}) needs no
 * clock and simply takes the newest stamped version. A claim whose commit is prepared but not yet stamped
 * is stamped by the reader itself (a stamp so taken is later than its snapshot, so the reader sees
 * the old values and stays consistent), so a reader never depends on a stalled writer.
 *
 * <p>The clock sits on a cache line of its own, so its ticks do not evict the data that
 * transactions on other cores read. Every commit still ticks it, so commits on disjoint keys share
 * that one line: this is what limits how well they scale across cores (as in TL2 and ScalaSTM).
 *
 * <p>Why a clock and history rather than seqlock-style validation (read everything twice, retry if
 * anything moved): under a steady stream of commits a reader of many keys almost never gets two
 * identical passes, so it can starve. Here a read fails only when a key was committed more times
 * during the read than the key keeps history for; the reader then deepens that key's history (up
 * to 16 older versions) and retries, so even a reader of hot keys gets through. The price is one
 * shared counter per commit and a short chain of old entries per busy key.
 *
 * <h2>Threads</h2>
 * <p>A store is safe to share between any number of threads. The copies it hands out are not:
 * each {@link Value} and {@link Changeset} belongs to the thread that took it. See the package
 * description for the full rules.
 */
public final class Store {

    private final ConcurrentHashMap<String, Cell> cells = new ConcurrentHashMap<>();
    private final CommitClock clock = new CommitClock();
    private final UnaryOperator<Object> copier;

    /** A store whose values are immutable, shared with the store as they are. */
    public Store() {
        this(UnaryOperator.identity());
    }

    /**
     * A store for mutable values: {@code copier} makes an independent copy of a value (for example
     * {@code v -> new ArrayList<>((List<?>) v)}). It must accept null, return a copy of the same
     * shape, and not touch the store.
     */
    public Store(UnaryOperator<Object> copier) {
        this.copier = Objects.requireNonNull(copier, "copier");
    }

    /**
     * A private copy of one key (Axon's {@code usevar}).
     *
     * @param <T> the type the caller expects; not checked by the store
     * @throws NullPointerException if {@code key} is null
     */
    public <T> Value<T> usevar(String key) {
        Objects.requireNonNull(key, "key is null: name the key to use");
        return new Value<>(copyOf(new String[] {key}));
    }

    /**
     * A private, consistent copy of several keys (Axon's {@code using}). A key named twice is
     * taken once.
     *
     * @throws NullPointerException if {@code keys} or one of them is null
     */
    public Changeset using(String... keys) {
        return new Changeset(copyOf(sortedKeys(keys)));
    }

    /**
     * Every key that has been committed at least once, with its version and value, all as they
     * were at one moment, in key order. The map is a detached copy: later commits do not change it.
     */
    public SortedMap<String, Versioned> snapshot() {
        SortedMap<String, Entry> seen = new TreeMap<>();
        while (!readAll(clock.get(), seen)) {
            seen.clear();
        }
        SortedMap<String, Versioned> out = new TreeMap<>();
        seen.forEach((key, e) -> out.put(key, new Versioned(e.version, copier.apply(e.value))));
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * Every key that has been committed at least once, as plain data for printing or writing as
     * JSON: {@code {key: {"version": 3, "value": ...}, ...}} in key order.
     *
     * <pre>{@code
     * System.out.println(store.export());
     * // {account_one={version=2, value=0}, fork.1={version=8, value=null}, point={version=1, value={x=1, y=2}}}
     * }</pre>
     *
     * <p>It reads the store exactly as {@link #snapshot()} does (one consistent moment, never half a
     * commit, without waiting for writers); the difference is the shape. {@code snapshot()} is for
     * programs: typed {@link Versioned} records holding the stored objects themselves (copied by the
     * copier, if any). {@code export()} is for people and other tools: nested maps and lists made only
     * of null, {@link Boolean}, {@link Number}, {@link String}, {@link List} and {@link Map} with string
     * keys, so any JSON writer takes it as it is and its {@code toString()} is readable. Values are
     * converted on the way out: strings, booleans and numbers stay; characters and enum constants
     * become strings; records become maps of their components; arrays and other iterables become
     * lists; maps become maps keyed by {@code String.valueOf(key)}; anything else becomes its
     * {@code toString()} (the one place where the store calls a value's {@code toString}, always
     * after the read, with nothing held). The result is unmodifiable at the top level and detached:
     * later commits do not change it.
     */
    public Map<String, Map<String, Object>> export() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        snapshot().forEach((key, v) -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("version", v.version());
            record.put("value", PlainData.of(v.value()));
            out.put(key, Collections.unmodifiableMap(record));
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Runs {@code body} on a fresh {@link Changeset} of {@code keys} and commits it, again and again
     * until a commit succeeds; returns what the body returned on that try. The body may run several
     * times, so it should do nothing but read and set the changeset (and compute); it must not
     * commit the changeset itself. Same as
     * {@code atomically(RetryPolicy.UNTIL_COMMITTED, body, keys)}.
     */
    public <R> R atomically(Function<Changeset, R> body, String... keys) {
        return atomically(RetryPolicy.UNTIL_COMMITTED, body, keys);
    }

    /**
     * Like {@link #atomically(Function, String...)}, retrying only as far as {@code policy} allows.
     * A {@link ConcurrentUpdateException}, from the commit or from the body, starts another try; any
     * other exception from the body ends the transaction at once, with nothing written.
     *
     * @throws RetriesExhaustedException if the policy allows no more tries
     * @throws BusyRetryException        if interrupted while waiting for another commit (not retried)
     */
    public <R> R atomically(RetryPolicy policy, Function<Changeset, R> body, String... keys) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(body, "body");
        String[] sorted = sortedKeys(keys);
        return policy.run(sorted, () -> {
            Changeset changes = new Changeset(copyOf(sorted));
            R result = body.apply(changes);
            changes.commit();
            return result;
        });
    }

    /**
     * Publishes {@code values} as the next versions of {@code keys} if each key is still at the
     * given version; all or nothing. Keys must be sorted and distinct.
     */
    void commit(String[] keys, long[] versions, Object[] values) {
        if (keys.length == 0) {
            return;
        }
        if (keys.length == 1) {
            commitOne(keys[0], versions[0], copier.apply(values[0]));
            return;
        }
        Object[] copies = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            copies[i] = copier.apply(values[i]);
        }
        Commit commit = newCommit();
        Cell[] claimedCells = new Cell[keys.length];
        Claim[] claims = new Claim[keys.length];
        int claimed = 0;
        try {
            for (; claimed < keys.length; claimed++) {
                Cell cell = cell(keys[claimed]);
                claims[claimed] = cell.claim(commit, keys[claimed], versions[claimed], copies[claimed]);
                claimedCells[claimed] = cell;
            }
            commit.prepare();
        } finally {
            if (commit.isPending()) {
                commit.abort();
            }
            long outcome = commit.outcome();
            for (int i = 0; i < claimed; i++) {
                claimedCells[i].settle(claims[i], outcome);
            }
        }
    }

    /** {@link #commit} of a single key: the same protocol without the bookkeeping arrays. */
    private void commitOne(String key, long version, Object value) {
        Commit commit = newCommit();
        Cell cell = cell(key);
        Claim claim = cell.claim(commit, key, version, value);  // throws, having claimed nothing, on conflict
        commit.prepare();
        cell.settle(claim, commit.outcome());
    }

    /** A commit that will take its stamp from this store's clock. */
    Commit newCommit() {
        return new Commit(clock);
    }

    /** The cell of {@code key}, made on first use; only commits make cells, reads never do. */
    Cell cell(String key) {
        Cell cell = cells.get(key);
        return cell != null ? cell : cells.computeIfAbsent(key, k -> new Cell());
    }

    private LocalCopy copyOf(String[] sortedKeys) {
        Entry[] seen = new Entry[sortedKeys.length];
        if (sortedKeys.length == 1) {
            seen[0] = latest(sortedKeys[0]);
        } else {
            while (!readKeys(clock.get(), sortedKeys, seen)) {
                Thread.onSpinWait();
            }
        }
        long[] versions = new long[seen.length];
        Object[] values = new Object[seen.length];
        for (int i = 0; i < seen.length; i++) {
            versions[i] = seen[i].version;
            values[i] = copier.apply(seen[i].value);
        }
        return new LocalCopy(this, sortedKeys, versions, values);
    }

    /**
     * The newest committed version of one key. A single key needs no clock: its versions are
     * totally ordered, and a commit is linearized when it is stamped, so the newest stamped version
     * is what a read at this moment must return (a prepared claim gets its stamp here, as in any
     * read). Skipping the clock spares single-key transactions a read of the line that every commit
     * writes.
     */
    private Entry latest(String key) {
        Cell cell = cells.get(key);
        return cell == null ? Entry.EMPTY : cell.visibleAt(Long.MAX_VALUE);
    }

    /**
     * Reads {@code keys} as of clock value {@code readStamp} into {@code into}; false (after
     * deepening the key's history) if a key was committed too often since to still show that moment.
     */
    private boolean readKeys(long readStamp, String[] keys, Entry[] into) {
        for (int i = 0; i < keys.length; i++) {
            Cell cell = cells.get(keys[i]);
            Entry e = cell == null ? Entry.EMPTY : cell.visibleAt(readStamp);
            if (e == null) {
                cell.deepenHistory();
                return false;
            }
            into[i] = e;
        }
        return true;
    }

    /**
     * Like {@link #readKeys} for every cell. A commit stamped no later than {@code readStamp} made
     * its cells before the clock reached its stamp, so the iteration, which starts after that,
     * is sure to meet them (cells are never removed).
     */
    private boolean readAll(long readStamp, Map<String, Entry> into) {
        for (Map.Entry<String, Cell> kv : cells.entrySet()) {
            Entry e = kv.getValue().visibleAt(readStamp);
            if (e == null) {
                kv.getValue().deepenHistory();
                return false;
            }
            if (e.version > 0) {
                into.put(kv.getKey(), e);
            }
        }
        return true;
    }

    /** The keys sorted, each once (a copy: the caller's array is left alone). */
    private static String[] sortedKeys(String[] keys) {
        Objects.requireNonNull(keys, "keys");
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null) {
                throw new NullPointerException("key " + i + " of " + Arrays.toString(keys) + " is null");
            }
        }
        String[] sorted = keys.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || !sorted[i].equals(sorted[distinct - 1])) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }
}
