package drogulus.dht;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Items and contacts in an SQLite file in WAL mode, written through on every change with full sync, so a node
 * that restarts or is killed keeps everything it acknowledged. The file is opened with an exclusive lock: a
 * second node on the same file, or a corrupt file, is a clear error at start naming the file.
 *
 * <p>Every item is also held decoded in memory, so reads (a findvalue per request, thousands a second) never touch
 * SQLite nor wait for a writer's lock. The memory this takes is bounded by the storage quota the node enforces on
 * what the file holds. A change is written to SQLite first and shown to readers only then, so nothing is answered
 * that a crash could lose.
 */
public final class SqliteStore implements Store {
    private final Path file;
    private final Connection db;
    private final Usage usage = new Usage();
    private final Map<NodeId, StoredItem> index = new ConcurrentHashMap<>();

    /** Opens or creates the database; fails with a {@link DhtException} naming the file if it cannot. */
    public SqliteStore(Path file) {
        this.file = file;
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 1000");
                s.execute("PRAGMA locking_mode = EXCLUSIVE");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                try (ResultSet r = s.executeQuery("PRAGMA quick_check")) {
                    String verdict = r.next() ? r.getString(1) : "no answer";
                    if (!"ok".equals(verdict)) {
                        throw new DhtException("The database file " + file + " is corrupt (" + verdict
                            + "); move it away to start with an empty store");
                    }
                }
                s.execute("CREATE TABLE IF NOT EXISTS items (key BLOB PRIMARY KEY, item BLOB NOT NULL, "
                    + "source TEXT NOT NULL, size INTEGER NOT NULL, last_published INTEGER NOT NULL, "
                    + "cache_expires_at INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS contacts (id TEXT PRIMARY KEY, address TEXT NOT NULL, "
                    + "port INTEGER NOT NULL, version TEXT NOT NULL)");
                try (ResultSet r = s.executeQuery("SELECT item, source, size, last_published, cache_expires_at "
                    + "FROM items")) {
                    while (r.next()) {
                        StoredItem item = row(r);
                        index.put(item.key(), item);
                        usage.add(item);
                    }
                }
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw openError(e);
        } catch (DhtException e) {
            closeQuietly(c);
            throw e;
        }
        this.db = c;
    }

    private DhtException openError(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("busy") || m.contains("locked")) {
            return new DhtException("The database file " + file + " is locked: is another drogulus node using it?",
                e);
        }
        if (m.contains("not a database") || m.contains("corrupt") || m.contains("malformed")) {
            return new DhtException("The database file " + file + " is corrupt or not a drogulus database ("
                + e.getMessage() + "); move it away to start with an empty store", e);
        }
        return new DhtException("Could not open the database file " + file + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already failing with a better message.
            }
        }
    }

    private DhtException failure(String what, SQLException e) {
        return new DhtException("Could not " + what + " in the database file " + file + ": " + e.getMessage(), e);
    }

    /** From memory: no SQLite, no lock. */
    @Override
    public StoredItem get(NodeId key) {
        return index.get(key);
    }

    private static StoredItem row(ResultSet r) throws SQLException {
        return new StoredItem(ItemFields.decode(r.getBytes(1)), r.getString(2), r.getInt(3), r.getLong(4),
            r.getLong(5));
    }

    @Override
    public synchronized void put(StoredItem item) {
        StoredItem old = index.get(item.key());
        try (PreparedStatement s = db.prepareStatement("INSERT OR REPLACE INTO items (key, item, source, size, "
            + "last_published, cache_expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setBytes(1, item.key().toBytes());
            s.setBytes(2, ItemFields.encode(item.item()));
            s.setString(3, item.source());
            s.setInt(4, item.size());
            s.setLong(5, item.lastPublished());
            s.setLong(6, item.cacheExpiresAt());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("store an item", e);
        }
        index.put(item.key(), item);
        if (old != null) {
            usage.remove(old);
        }
        usage.add(item);
    }

    @Override
    public synchronized void remove(NodeId key) {
        StoredItem old = index.get(key);
        if (old == null) {
            return;
        }
        try (PreparedStatement s = db.prepareStatement("DELETE FROM items WHERE key = ?")) {
            s.setBytes(1, key.toBytes());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("remove an item", e);
        }
        index.remove(key);
        usage.remove(old);
    }

    @Override
    public List<StoredItem> items() {
        return new ArrayList<>(index.values());
    }

    @Override
    public synchronized long totalBytes() {
        return usage.total();
    }

    @Override
    public synchronized long bytesFrom(String source) {
        return usage.from(source);
    }

    @Override
    public synchronized void saveContacts(List<Contact> contacts) {
        try {
            db.setAutoCommit(false);
            try (Statement clear = db.createStatement(); PreparedStatement s = db.prepareStatement(
                "INSERT OR REPLACE INTO contacts (id, address, port, version) VALUES (?, ?, ?, ?)")) {
                clear.executeUpdate("DELETE FROM contacts");
                for (Contact c : contacts) {
                    s.setString(1, c.id().hex());
                    s.setString(2, c.address());
                    s.setInt(3, c.port());
                    s.setString(4, c.version());
                    s.addBatch();
                }
                s.executeBatch();
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("save the contacts", e);
        }
    }

    @Override
    public synchronized List<Contact> loadContacts() {
        List<Contact> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
            "SELECT id, address, port, version FROM contacts")) {
            while (r.next()) {
                out.add(new Contact(NodeId.fromHex(r.getString(1)), r.getString(2), r.getInt(3), r.getString(4)));
            }
        } catch (SQLException e) {
            throw failure("read the contacts", e);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
