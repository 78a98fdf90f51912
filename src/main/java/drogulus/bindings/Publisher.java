package drogulus.bindings;

import drogulus.Utils;
import drogulus.crypto.Items;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import java.util.Locale;

/**
 * Who published something, as a built-in was told: an id (128 hex digits), a PEM public key, or an alias from
 * the address book. {@code label} is how errors name them: the alias when one was used, else the id's start.
 */
record Publisher(String id, String label) {
    /** The 64 bytes of the id. */
    byte[] idBytes() {
        return Utils.fromHex(id);
    }

    /**
     * Resolves what a user gave as a publisher. {@code aliases} may be null (in a sandbox): then only ids and
     * keys are accepted.
     */
    static Publisher resolve(String fn, Object given, AliasBook aliases) {
        if (!(given instanceof String text)) {
            throw new LogosError(fn + " expects a publisher (an id, a PEM public key or an alias), got "
                + Printer.describe(given));
        }
        if (text.strip().startsWith("-----BEGIN")) {
            try {
                String id = Utils.toHex(Items.publicKeyId(text));
                return new Publisher(id, id.substring(0, 12) + "...");
            } catch (IllegalArgumentException e) {
                throw new LogosError(fn + ": the publisher's public key is not usable: " + e.getMessage());
            }
        }
        if (AliasBook.isId(text)) {
            String id = text.toLowerCase(Locale.ROOT);
            return new Publisher(id, id.substring(0, 12) + "...");
        }
        String id = aliases == null ? null : aliases.lookup(text);
        if (id == null) {
            throw new LogosError(fn + ": \"" + text + "\" is not a publisher: give an id (128 hex digits, see "
                + "(crypto/id)), a PEM public key" + (aliases == null ? "" : ", or an alias made with "
                + "(dht/alias \"" + text + "\" id)"));
        }
        return new Publisher(id, text);
    }

    /** The DHT key of {@code name} published by this publisher: H(id || H(name)), or the id for "". */
    byte[] keyOf(String name) {
        byte[] idBytes = idBytes();
        if (name.isEmpty()) {
            return idBytes;
        }
        byte[] nameHash = Items.sha512(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] both = java.util.Arrays.copyOf(idBytes, idBytes.length + nameHash.length);
        System.arraycopy(nameHash, 0, both, idBytes.length, nameHash.length);
        return Items.sha512(both);
    }
}
