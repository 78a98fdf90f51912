package drogulus.bindings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import drogulus.logos.data.Args;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LFn;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Budget;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Globals;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code (json/parse s)} and {@code (json/str v)}: JSON objects become maps with string keys, arrays vectors,
 * integers integers of any size, numbers with a fraction or exponent floats. Writing, keywords and symbols
 * become strings (their names), lists and vectors arrays, and map keys must be strings, keywords, symbols or
 * numbers.
 */
public final class JsonBuiltins {
    /** Deeper JSON is refused rather than risk the stack. */
    static final int MAX_DEPTH = 500;

    // Made on first use: building Jackson's mapper costs a few hundred milliseconds of start-up otherwise.
    private ObjectMapper mapper;
    private JsonFactory factory;
    /** Charged for the values made and the text written, or null for none. */
    private final Budget budget;

    private JsonBuiltins(Budget budget) {
        this.budget = budget;
    }

    private ObjectMapper mapper() {
        if (mapper == null) {
            makeMapper();
        }
        return mapper;
    }

    private JsonFactory factory() {
        if (factory == null) {
            makeMapper();
        }
        return factory;
    }

    private void makeMapper() {
        factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamWriteFeature.STRICT_DUPLICATE_DETECTION)
            .build();
        mapper = JsonMapper.builder(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    }

    public static void install(Globals globals) {
        install(globals, null);
    }

    /**
     * Binds the built-ins, charging {@code budget} (a sandbox's, or null for none) a step and the memory of
     * each value parsed or written, so that shared structure cannot make one call outgrow the limits.
     */
    public static void install(Globals globals, Budget budget) {
        JsonBuiltins json = new JsonBuiltins(budget);
        globals.define(new Builtin("json/parse",
            "(json/parse s opts?) the Logos value of the JSON text s: objects become maps with string keys, or "
                + "keyword keys with opts {:keywordize true}, or (f key) with {:key-fn f}; arrays become vectors.",
            1, 2, args -> json.parse(Args.string("json/parse", args[0]), keys(args.length == 2 ? args[1] : null))));
        globals.define(new Builtin("json/str",
            "(json/str v) v as JSON text: keywords and symbols become strings, lists and vectors arrays.",
            1, 1, args -> json.str(args[0])));
    }

    private static final Keyword KEYWORDIZE = Keyword.of("keywordize");
    private static final Keyword KEY_FN = Keyword.of("key-fn");

    /** What the options make of an object's key: the string itself, a keyword, or what a :key-fn returns. */
    private static Function<String, Object> keys(Object opts) {
        if (opts == null) {
            return key -> key;
        }
        LMap map = Args.map("json/parse", opts);
        for (Object key : map.keys()) {
            if (!KEYWORDIZE.equals(key) && !KEY_FN.equals(key)) {
                throw new LogosError("json/parse: unknown option " + Printer.print(key, true)
                    + " (the options are :keywordize and :key-fn)");
            }
        }
        Object keyFn = map.get(KEY_FN, null);
        if (keyFn != null) {
            if (!(keyFn instanceof LFn fn)) {
                throw new LogosError("json/parse: :key-fn expects a function, got " + Printer.describe(keyFn));
            }
            return key -> fn.invoke(new Object[] {key});
        }
        Object value = map.get(KEYWORDIZE, null);
        return value != null && value != Boolean.FALSE ? Keyword::of : key -> key;
    }

    Object parse(String text, Function<String, Object> keys) {
        JsonNode tree;
        try {
            tree = mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new LogosError("json/parse: not valid JSON: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new LogosError("json/parse: no JSON value in " + Printer.describe(text));
        }
        return toLogos(tree, keys);
    }

    private Object toLogos(JsonNode node, Function<String, Object> keys) {
        charge(node.isTextual() ? 40 + 2L * node.textValue().length() : 32);
        return switch (node.getNodeType()) {
            case NULL -> null;
            case BOOLEAN -> node.booleanValue();
            case STRING -> node.textValue();
            case NUMBER -> number(node);
            case ARRAY -> {
                List<Object> items = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    items.add(toLogos(item, keys));
                }
                yield LVector.from(items);
            }
            case OBJECT -> {
                List<Object> pairs = new ArrayList<>(node.size() * 2);
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    pairs.add(keys.apply(field.getKey()));
                    pairs.add(toLogos(field.getValue(), keys));
                }
                yield LMap.of(pairs.toArray());
            }
            default -> throw new LogosError("json/parse: unexpected JSON " + node.getNodeType());
        };
    }

    private static Object number(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger n = node.bigIntegerValue();
            return n.bitLength() <= 63 ? (Object) n.longValue() : n;
        }
        return node.doubleValue();
    }

    String str(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = factory().createGenerator(out)) {
            write(generator, value, 0);
        } catch (JsonProcessingException e) {
            throw new LogosError("json/str: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a string failed", e);
        }
        return out.toString();
    }

    private void charge(long bytes) {
        if (budget != null) {
            budget.steps(1);
            budget.allocate(bytes);
        }
    }

    private void write(JsonGenerator out, Object value, int depth) throws IOException {
        charge(value instanceof String s ? 8 + 2L * s.length() : 8);
        if (depth > MAX_DEPTH) {
            throw new LogosError("json/str: can't write a value nested more than " + MAX_DEPTH + " deep");
        }
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Long n) {
            out.writeNumber(n);
        } else if (value instanceof BigInteger n) {
            out.writeNumber(n);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new LogosError("json/str: JSON has no " + Printer.formatDouble(d));
            }
            out.writeNumber(d);
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Keyword k) {
            out.writeString(k.name());
        } else if (value instanceof Symbol s) {
            out.writeString(s.name());
        } else if (value instanceof LList || value instanceof LVector || value instanceof LSet
            || value instanceof LSeq) {
            out.writeStartArray();
            for (Object item : (Iterable<?>) value) {
                write(out, item, depth + 1);
            }
            out.writeEndArray();
        } else if (value instanceof LMap map) {
            out.writeStartObject();
            for (Map.Entry<Object, Object> entry : map) {
                out.writeFieldName(key(entry.getKey()));
                write(out, entry.getValue(), depth + 1);
            }
            out.writeEndObject();
        } else {
            throw new LogosError("json/str: JSON can't hold " + Printer.describe(value));
        }
    }

    private static String key(Object key) {
        if (key instanceof String s) {
            return s;
        } else if (key instanceof Keyword k) {
            return k.name();
        } else if (key instanceof Symbol s) {
            return s.name();
        } else if (key instanceof Long || key instanceof BigInteger || key instanceof Double) {
            return Printer.print(key, false);
        }
        throw new LogosError("json/str: a JSON object key must be a string, keyword, symbol or number, got "
            + Printer.describe(key));
    }
}
