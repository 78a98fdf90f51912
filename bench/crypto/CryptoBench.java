import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import drogulus.crypto.Items;
import drogulus.crypto.LogosPack;
import drogulus.logos.Keyword;
import drogulus.logos.LList;
import drogulus.logos.LMap;
import drogulus.logos.LVector;
import drogulus.logos.Symbol;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Signatures and verifications per second, and the speed of canonical msgpack, on one thread. Each figure is
 * measured after a warm-up; run it with bench/crypto/run.sh.
 */
public final class CryptoBench {
    private CryptoBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5.0;
        Identity identity = Identity.generate();
        Object value = LMap.of(Keyword.of("script"), "(println \"hello, world\")",
            Keyword.of("tags"), LVector.of("demo", Symbol.of("logos"), 42L, 2.5),
            Keyword.of("code"), LList.of(Symbol.of("+"), 1L, 2L));
        Map<String, String> meta = Map.of("lang", "logos");
        Item item = identity.signItem("bench", value, 1.7e9, -1, meta);
        byte[] encoded = LogosPack.encode(value);
        Object big = bigValue();
        byte[] bigEncoded = LogosPack.encode(big);

        System.out.printf("java %s, %d cores, %.1f s per figure%n", System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(), seconds);
        report("sign item (RSA-2048, SHA-512)", seconds, () -> identity.signItem("bench", value, 1.7e9, -1, meta)
            .sig().length);
        report("validate item", seconds, () -> Items.validate(item) == 0 ? 1 : fail());
        report("construct hash (small value)", seconds, () -> Items.constructHash(value, 1.7e9, -1, "bench",
            meta, "0.0.0.alpha.0").length);
        report("encode small value (" + encoded.length + " B)", seconds, () -> LogosPack.encode(value).length);
        report("decode small value", seconds, () -> LogosPack.decode(encoded) == null ? fail() : 1);
        report("encode 1000-item vector (" + bigEncoded.length + " B)", seconds,
            () -> LogosPack.encode(big).length);
        report("decode 1000-item vector", seconds, () -> LogosPack.decode(bigEncoded) == null ? fail() : 1);
        Object[] pairs = new Object[200_000];
        for (int i = 0; i < pairs.length; i += 2) {
            pairs[i] = (long) i;
            pairs[i + 1] = null;
        }
        byte[] hugeMap = LogosPack.encode(LMap.of(pairs));
        report("decode 100000-entry map (" + hugeMap.length + " B)", seconds,
            () -> LogosPack.decode(hugeMap) == null ? fail() : 1);
    }

    private static Object bigValue() {
        Object[] items = new Object[1000];
        for (int i = 0; i < items.length; i++) {
            items[i] = LMap.of(Keyword.of("i"), (long) i, Keyword.of("name"), "item-" + i, Keyword.of("w"), i * 0.5);
        }
        return LVector.of(items);
    }

    private static int fail() {
        throw new IllegalStateException("benchmark check failed");
    }

    private static void report(String label, double seconds, IntSupplier op) {
        run(op, seconds / 2);
        double perSecond = run(op, seconds);
        System.out.printf("%-40s %12.1f ops/s%n", label, perSecond);
    }

    private static double run(IntSupplier op, double seconds) {
        long sink = 0;
        long count = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            sink += op.getAsInt();
            count++;
            now = System.nanoTime();
        } while (now < end);
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return count / ((now - start) / 1e9);
    }
}
