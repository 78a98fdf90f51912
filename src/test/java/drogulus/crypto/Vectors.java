package drogulus.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import drogulus.Utils;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Symbol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The known answers in src/test/resources/crypto/vectors.json, made by make_vectors.py beside it, and the
 * tagged form in which that file describes Logos values.
 */
public final class Vectors {
    private Vectors() {
    }

    public static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/crypto/vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/crypto/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Logos value a tagged JSON node describes; with {@code reverse}, map entries are added backwards. */
    public static Object value(JsonNode tagged, boolean reverse) {
        String tag = tagged.get(0).asText();
        JsonNode arg = tagged.size() > 1 ? tagged.get(1) : null;
        return switch (tag) {
            case "nil" -> null;
            case "bool" -> arg.asBoolean();
            case "int" -> {
                BigInteger n = new BigInteger(arg.asText());
                yield n.bitLength() <= 63 ? (Object) n.longValue() : n;
            }
            case "float" -> float64(arg);
            case "str" -> arg.asText();
            case "rep" -> arg.asText().repeat(tagged.get(2).asInt());
            case "kw" -> Keyword.of(arg.asText());
            case "sym" -> Symbol.of(arg.asText());
            case "list" -> LList.from(items(arg, reverse));
            case "vec" -> LVector.from(items(arg, reverse));
            case "repvec" -> LVector.from(Collections.nCopies(tagged.get(2).asInt(), value(arg, reverse)));
            case "map" -> map(arg, reverse);
            case "bin" -> Utils.fromHex(arg.asText());
            default -> throw new IllegalArgumentException("unknown tag " + tag);
        };
    }

    private static LMap map(JsonNode entries, boolean reverse) {
        List<Object> pairs = new ArrayList<>();
        for (JsonNode entry : entries) {
            pairs.add(value(entry.get(0), reverse));
            pairs.add(value(entry.get(1), reverse));
        }
        if (reverse) {
            List<Object> backwards = new ArrayList<>();
            for (int i = pairs.size() - 2; i >= 0; i -= 2) {
                backwards.add(pairs.get(i));
                backwards.add(pairs.get(i + 1));
            }
            pairs = backwards;
        }
        return LMap.of(pairs.toArray());
    }

    private static List<Object> items(JsonNode array, boolean reverse) {
        List<Object> out = new ArrayList<>();
        for (JsonNode item : array) {
            out.add(value(item, reverse));
        }
        return out;
    }

    public static Map<String, String> meta(JsonNode pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode pair : pairs) {
            out.put(pair.get(0).asText(), pair.get(1).asText());
        }
        return out;
    }

    public static double float64(JsonNode hexBits) {
        return Double.longBitsToDouble(Utils.hexToLong(hexBits.asText()).longValue());
    }
}
