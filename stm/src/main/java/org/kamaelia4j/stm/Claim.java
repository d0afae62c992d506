package org.kamaelia4j.stm;

/**
 * A commit's hold on one key while the commit is in flight (internal).
 *
 * <p>A claim sits in the key's cell in place of its entry. It remembers the entry it replaced
 * ({@code before}) and the value the commit wants to publish; its {@link Commit} says whether that
 * value is visible yet. Readers look through a claim without waiting ({@link #visibleAt}); writers
 * either help a decided claim out of the cell ({@link #settled}) or, while its commit is still
 * claiming keys, wait for it.
 */
final class Claim {

    final Commit owner;
    final Entry before;
    final Object value;

    Claim(Commit owner, Entry before, Object value) {
        this.owner = owner;
        this.before = before;
        this.value = value;
    }

    /** The version this commit publishes: one more than the version it replaced. */
    long version() {
        return before.version + 1;
    }

    /** What a snapshot taken at {@code readStamp} sees through this claim; null if history ran out. */
    Entry visibleAt(long readStamp) {
        long outcome = owner.outcome();
        if (Commit.isCommitted(outcome) && outcome <= readStamp) {
            return new Entry(version(), value, outcome, before);
        }
        return before.visibleAt(readStamp);
    }

    /** The entry that replaces this claim once its commit is decided ({@code outcome} is not pending). */
    Entry settled(long outcome) {
        return Commit.isCommitted(outcome) ? new Entry(version(), value, outcome, before) : before;
    }
}
