package drogulus.bindings;

import drogulus.logos.data.LogosError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A person's address book: short names for publishers' ids, kept in the file {@value #FILE} under the drogulus
 * home, one "alias id" per line. The file is read on every lookup, so two REPLs sharing a home see each other's
 * aliases, and rewritten whole through a temporary file, so a crash never leaves it half written.
 */
public final class AliasBook {
    static final String FILE = "aliases";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.@+-]{0,63}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{128}");

    private final Path file;

    /** The book in {@code home}; nothing is read or written until it is used. */
    public AliasBook(Path home) {
        this.file = home.resolve(FILE);
    }

    /** Whether text has the form of a publisher id: 128 lowercase or uppercase hex digits. */
    static boolean isId(String text) {
        return text.length() == 128 && ID.matcher(text.toLowerCase(java.util.Locale.ROOT)).matches();
    }

    /** Every alias and its id, sorted by alias; lines that do not parse are skipped, never fatal. */
    public synchronized Map<String, String> all() {
        Map<String, String> out = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new LogosError("Can't read the alias book " + file + ": " + e.getMessage());
        }
        for (String line : lines) {
            String[] parts = line.strip().split("\\s+", -1);
            if (parts.length == 2 && NAME.matcher(parts[0]).matches() && isId(parts[1])) {
                out.put(parts[0], parts[1].toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** The id an alias stands for, or null. */
    public String lookup(String alias) {
        return all().get(alias);
    }

    /** Sets (or, with a null id, removes) an alias; returns the id it now stands for. */
    public synchronized String put(String alias, String id) {
        if (!NAME.matcher(alias).matches()) {
            throw new LogosError("dht/alias: an alias is a letter followed by up to 63 letters, digits or _.@+-, "
                + "not \"" + alias + "\"");
        }
        Map<String, String> entries = all();
        if (id == null) {
            entries.remove(alias);
        } else {
            entries.put(alias, id);
        }
        StringBuilder text = new StringBuilder();
        entries.forEach((name, value) -> text.append(name).append(' ').append(value).append('\n'));
        Path temp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LogosError("Can't write the alias book " + file + ": " + e.getMessage());
        }
        return id;
    }

    public Path file() {
        return file;
    }
}
