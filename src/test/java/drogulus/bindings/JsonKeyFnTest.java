package drogulus.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.Keyword;
import drogulus.logos.data.LFn;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Globals;
import org.junit.jupiter.api.Test;

/** json/parse's {:key-fn f}, as a user of clojure.data.json writes it, beside {:keywordize true}. */
class JsonKeyFnTest {
    private final Globals globals = new Globals();

    JsonKeyFnTest() {
        JsonBuiltins.install(globals);
    }

    private Object parse(String text, Object opts) {
        return ((LFn) globals.cell(Symbol.of("json/parse")).get()).invoke(new Object[] {text, opts});
    }

    /** A one-argument function of a string, as a Logos fn would be. */
    private static LFn fn(java.util.function.Function<String, Object> body) {
        return new LFn() {
            @Override
            public Object invoke(Object... args) {
                return body.apply((String) args[0]);
            }

            @Override
            public String name() {
                return "key-fn";
            }
        };
    }

    @Test
    void shouldMakeEveryObjectKeyWithTheKeyFn() {
        LFn shout = fn(key -> key.toUpperCase(java.util.Locale.ROOT) + "!");
        assertEquals(LMap.of("A!", LMap.of("B!", LVector.of(1L, LMap.of("C!", null)))),
            parse("{\"a\": {\"b\": [1, {\"c\": null}]}}", LMap.of(Keyword.of("key-fn"), shout)));
        LFn keyword = fn(Keyword::of);
        assertEquals(LMap.of(Keyword.of("a"), 1L), parse("{\"a\": 1}", LMap.of(Keyword.of("key-fn"), keyword)));
        assertEquals(LMap.of(Keyword.of("a"), 1L), parse("{\"a\": 1}", LMap.of(Keyword.of("keywordize"), true)));
    }

    @Test
    void shouldRefuseAKeyFnThatIsNotAFunction() {
        LogosError e = assertThrows(LogosError.class,
            () -> parse("{}", LMap.of(Keyword.of("key-fn"), 5L)));
        assertTrue(e.getMessage().contains(":key-fn expects a function"), e.getMessage());
    }
}
