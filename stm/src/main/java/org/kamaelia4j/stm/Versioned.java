package org.kamaelia4j.stm;

/**
 * A key's value together with its version, as {@link Store#snapshot()} reports it.
 *
 * <pre>{@code
 * store.snapshot().forEach((key, v) -> System.out.println(key + " : " + v));
 * // account_one : Versioned[version=2, value=0]
 * }</pre>
 *
 * <p>The version counts the successful commits of that key: 0 before the first one (a snapshot
 * leaves such keys out), then 1, 2, ... The value is the store's own object when the store has no
 * copier, so treat it as read-only.
 *
 * @param version how many commits of this key have succeeded
 * @param value   the value the last of them published
 */
public record Versioned(long version, Object value) {
}
