package drogulus.crypto;

import drogulus.Utils;
import drogulus.logos.data.Printer;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A signed item as stored in the DHT, with the seed's fields. {@code key} is the 64-byte DHT key,
 * {@code timestamp} seconds since the epoch, {@code expires} the time it expires or -1 for never,
 * {@code createdWith} the version string of the software that made it, {@code sig} the RSA signature.
 * Arrays are copied in and out and compared by content, and a missing meta is the empty map, so an item is a
 * plain immutable value.
 */
@SuppressWarnings("ArrayRecordComponent")
public record Item(byte[] key, Object value, double timestamp, double expires, String name,
                   Map<String, String> meta, String createdWith, String publicKey, byte[] sig) {

    public Item {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdWith, "createdWith");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(sig, "sig");
        key = key.clone();
        sig = sig.clone();
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] sig() {
        return sig.clone();
    }

    /** True when the item never expires. */
    public boolean neverExpires() {
        return expires == -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Item item
            && Arrays.equals(key, item.key)
            && Objects.equals(value, item.value)
            && Double.compare(timestamp, item.timestamp) == 0
            && Double.compare(expires, item.expires) == 0
            && name.equals(item.name)
            && meta.equals(item.meta)
            && createdWith.equals(item.createdWith)
            && publicKey.equals(item.publicKey)
            && Arrays.equals(sig, item.sig);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), value, timestamp, expires, name, meta, createdWith, publicKey,
            Arrays.hashCode(sig));
    }

    @Override
    public String toString() {
        return "Item[key=" + Utils.toHex(key) + ", name=" + name + ", value=" + Printer.describe(value)
            + ", timestamp=" + timestamp + ", expires=" + expires + ", meta=" + meta + ", createdWith="
            + createdWith + ", sig=" + Utils.toHex(Arrays.copyOf(sig, Math.min(sig.length, 8))) + "...]";
    }
}
