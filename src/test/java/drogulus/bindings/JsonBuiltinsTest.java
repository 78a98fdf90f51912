package drogulus.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.Atom;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LFn;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Budget;
import drogulus.logos.eval.Globals;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JsonBuiltinsTest {
    private final Globals globals = new Globals();

    JsonBuiltinsTest() {
        JsonBuiltins.install(globals);
    }

    private Object call(String name, Object... args) {
        return ((LFn) globals.cell(Symbol.of(name)).get()).invoke(args);
    }

    @Test
    void shouldParseObjectsToMapsWithStringKeysAndArraysToVectors() {
        Object value = call("json/parse", "{\"a\": [1, 2.5, \"x\", null, true, false], \"b\": {}}");
        assertEquals(LMap.of("a", LVector.of(1L, 2.5, "x", null, true, false), "b", LMap.EMPTY), value);
        assertTrue(((LMap) value).get("a") instanceof LVector);
    }

    @Test
    void shouldMakeKeywordKeysWhenAsked() {
        Keyword a = Keyword.of("a");
        Object value = call("json/parse", "{\"a\": [{\"b c\": 1}]}", LMap.of(Keyword.of("keywordize"), true));
        assertEquals(LMap.of(a, LVector.of(LMap.of(Keyword.of("b c"), 1L))), value);
        assertEquals(LMap.of("a", 1L), call("json/parse", "{\"a\": 1}", LMap.of(Keyword.of("keywordize"), false)));
        assertEquals(LMap.of("a", 1L), call("json/parse", "{\"a\": 1}", (Object) null));
        LogosError e = assertThrows(LogosError.class,
            () -> call("json/parse", "{}", LMap.of(Keyword.of("keywordise"), true)));
        assertTrue(e.getMessage().contains("unknown option :keywordise"), e.getMessage());
    }

    @Test
    void shouldParseIntegersOfAnySizeAndDecimalsAsFloats() {
        assertEquals(Long.MAX_VALUE, call("json/parse", "9223372036854775807"));
        assertEquals(new BigInteger("9223372036854775808"), call("json/parse", "9223372036854775808"));
        assertEquals(new BigInteger("-123456789012345678901234567890"),
            call("json/parse", "-123456789012345678901234567890"));
        assertEquals(1.0e10, call("json/parse", "1e10"));
        assertEquals(-0.5, call("json/parse", "-0.5"));
        assertEquals(7L, call("json/parse", " 7 "));
    }

    @Test
    void shouldRejectInvalidJsonWithAClearError() {
        for (String bad : new String[] {"", "{", "[1,]", "1 2", "{\"a\" 1}", "nul", "'x'"}) {
            LogosError e = assertThrows(LogosError.class, () -> call("json/parse", bad), bad);
            assertTrue(e.getMessage().startsWith("json/parse:"), e.getMessage());
        }
        assertThrows(LogosError.class, () -> call("json/parse", 1L));
    }

    @Test
    void shouldRejectNestingBeyondTheLimit() {
        String deep = "[".repeat(JsonBuiltins.MAX_DEPTH + 10) + "]".repeat(JsonBuiltins.MAX_DEPTH + 10);
        assertThrows(LogosError.class, () -> call("json/parse", deep));
    }

    @Test
    void shouldWriteLogosValuesAsJson() {
        Object value = LMap.of(Keyword.of("a"), LList.of(1L, 2.5, "x\"y", null, true),
            "b", LVector.of(Symbol.of("s"), Keyword.of("k"), new BigInteger("123456789012345678901234567890")),
            1L, LMap.EMPTY);
        assertEquals("{\"a\":[1,2.5,\"x\\\"y\",null,true],\"b\":[\"s\",\"k\",123456789012345678901234567890],"
            + "\"1\":{}}", call("json/str", value));
    }

    @Test
    void shouldWriteSetsAsArrays() {
        assertEquals("[\"only\"]", call("json/str", LSet.of("only")));
        assertEquals("{\"s\":[]}", call("json/str", LMap.of("s", LSet.EMPTY)));
    }

    @Test
    void shouldRoundTripJsonValues() {
        String text = "{\"name\":\"drogulus\",\"tags\":[\"p2p\",\"lisp\"],\"n\":-3,\"f\":0.25,\"nested\":{\"x\":null}}";
        assertEquals(text, call("json/str", call("json/parse", text)));
    }

    @Test
    void shouldRefuseWhatJsonCannotHold() {
        assertThrows(LogosError.class, () -> call("json/str", new Atom(1L)));
        assertThrows(LogosError.class, () -> call("json/str", Double.NaN));
        assertThrows(LogosError.class, () -> call("json/str", Double.POSITIVE_INFINITY));
        assertThrows(LogosError.class, () -> call("json/str", LMap.of(LVector.of(1L), 2L)));
        LogosError duplicate = assertThrows(LogosError.class,
            () -> call("json/str", LMap.of("a", 1L, Keyword.of("a"), 2L)));
        assertTrue(duplicate.getMessage().contains("a"), duplicate.getMessage());
    }

    @Test
    @Timeout(30)
    void shouldStopAtTheBudgetWhenSharedStructureWouldWriteHuge() {
        Globals sandbox = new Globals();
        JsonBuiltins.install(sandbox, Budget.limited(1_000_000, 10_000, 1024 * 1024, 100));
        Object value = LVector.of("some text");
        for (int i = 0; i < 40; i++) {
            value = LVector.of(value, value);
        }
        Object huge = value;
        LFn str = (LFn) sandbox.cell(Symbol.of("json/str")).get();
        LogosError e = assertThrows(LogosError.class, () -> str.invoke(huge));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }
}
