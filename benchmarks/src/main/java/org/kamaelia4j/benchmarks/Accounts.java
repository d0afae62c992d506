package org.kamaelia4j.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.kamaelia4j.stm.ConcurrentUpdateException;
import org.kamaelia4j.stm.Store;
import org.kamaelia4j.stm.Value;
import scala.concurrent.stm.Ref;
import scala.concurrent.stm.japi.STM;

/**
 * Numbered accounts of longs kept in one of the stores the STM workloads compare: the Kamaelia4J
 * {@link Store}, a {@code synchronized} map store, and ScalaSTM. Each method is one transaction,
 * written the way a user of that store would write it.
 *
 * <pre>{@code
 * Accounts a = Accounts.KAMAELIA.apply(16);
 * a.increment(3);          // one single-key transaction
 * a.transfer(3, 7, 1);     // one two-key transaction
 * a.total();               // 1, as long as transfers are atomic
 * }</pre>
 *
 * <p>All three are safe to share between threads; {@link #total()} is meant for after the run.
 */
interface Accounts {

    /** The Kamaelia4J store: {@code usevar}/{@code commit} for one key, {@code atomically} for two. */
    IntFunction<Accounts> KAMAELIA = StoreAccounts::new;
    /** Every transaction under one lock on a map of versioned entries: the simplest correct store. */
    IntFunction<Accounts> SYNCHRONIZED = SynchronizedAccounts::new;
    /** ScalaSTM refs, each transaction in {@code STM.atomic}. */
    IntFunction<Accounts> SCALA_STM = ScalaStmAccounts::new;

    /** One transaction: {@code account += 1}. */
    void increment(int account);

    /** One transaction: moves {@code amount} from one account to another (two different accounts). */
    void transfer(int from, int to, long amount);

    /** The sum of all balances (not a transaction: call it once the threads are done). */
    long total();

    /** Accounts in a Kamaelia4J {@link Store}, keys {@code account.0} ... */
    final class StoreAccounts implements Accounts {
        private final Store store = new Store();
        private final String[] keys;

        StoreAccounts(int accounts) {
            keys = new String[accounts];
            for (int i = 0; i < accounts; i++) {
                keys[i] = "account." + i;
            }
        }

        @Override
        public void increment(int account) {
            while (true) {
                Value<Long> v = store.usevar(keys[account]);
                Long balance = v.get();
                v.set(balance == null ? 1L : balance + 1);
                try {
                    v.commit();
                    return;
                } catch (ConcurrentUpdateException retry) {
                    // somebody else's commit won; take a fresh copy
                }
            }
        }

        @Override
        public void transfer(int from, int to, long amount) {
            String source = keys[from];
            String destination = keys[to];
            store.atomically(c -> {
                c.set(source, balance(c.get(source)) - amount);
                c.set(destination, balance(c.get(destination)) + amount);
                return null;
            }, source, destination);
        }

        @Override
        public long total() {
            long total = 0;
            for (var v : store.snapshot().values()) {
                total += (Long) v.value();
            }
            return total;
        }

        private static long balance(Object value) {
            return value == null ? 0 : (Long) value;
        }
    }

    /** Accounts in a {@code HashMap} of versioned entries, every transaction under the map's lock. */
    final class SynchronizedAccounts implements Accounts {
        private record Entry(long version, long balance) {
        }

        private final Map<Integer, Entry> map = new HashMap<>();

        SynchronizedAccounts(int accounts) {
            for (int i = 0; i < accounts; i++) {
                map.put(i, new Entry(0, 0));
            }
        }

        @Override
        public void increment(int account) {
            synchronized (map) {
                Entry e = map.get(account);
                map.put(account, new Entry(e.version + 1, e.balance + 1));
            }
        }

        @Override
        public void transfer(int from, int to, long amount) {
            synchronized (map) {
                Entry a = map.get(from);
                Entry b = map.get(to);
                map.put(from, new Entry(a.version + 1, a.balance - amount));
                map.put(to, new Entry(b.version + 1, b.balance + amount));
            }
        }

        @Override
        public long total() {
            synchronized (map) {
                return map.values().stream().mapToLong(Entry::balance).sum();
            }
        }
    }

    /** Accounts as ScalaSTM {@code Ref}s. */
    final class ScalaStmAccounts implements Accounts {
        private final Ref.View<Long>[] refs;

        @SuppressWarnings("unchecked")
        ScalaStmAccounts(int accounts) {
            refs = new Ref.View[accounts];
            for (int i = 0; i < accounts; i++) {
                refs[i] = STM.newRef(0L);
            }
        }

        @Override
        public void increment(int account) {
            Ref.View<Long> r = refs[account];
            STM.atomic(() -> r.set(r.get() + 1));
        }

        @Override
        public void transfer(int from, int to, long amount) {
            Ref.View<Long> a = refs[from];
            Ref.View<Long> b = refs[to];
            STM.atomic(() -> {
                a.set(a.get() - amount);
                b.set(b.get() + amount);
            });
        }

        @Override
        public long total() {
            long total = 0;
            for (Ref.View<Long> r : refs) {
                total += r.get();
            }
            return total;
        }
    }
}
