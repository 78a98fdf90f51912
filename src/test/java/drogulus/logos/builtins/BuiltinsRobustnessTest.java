package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import drogulus.logos.data.Atom;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Interp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls every built-in with arguments of the wrong types and counts: whatever happens must be a value or a
 * Logos error whose message names the built-in, never a Java exception leaking through.
 */
class BuiltinsRobustnessTest {
    /** Built-ins that touch the process or the disk, or block, are left out of blind calls. */
    private static final Set<String> SKIPPED = Set.of("exit", "slurp", "spit", "load-file", "load-library",
        "read-line");

    private static final Object[] SAMPLES = {null, 5L, -1L, 1.5, new BigInteger("99999999999999999999999"), "s",
        Keyword.of("k"), Symbol.of("sym"), LList.of(1L, 2L), LVector.of(1L, "x"), LMap.of(Keyword.of("a"), 1L),
        new Atom(1L), true};

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldAnswerWrongArgumentsWithALogosErrorNamingTheBuiltin() {
        Interp interp = CoreLibrary.standard();
        interp.setOutput(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, Object> entry : interp.globals().bound().entrySet()) {
            if (!(entry.getValue() instanceof Builtin builtin) || SKIPPED.contains(entry.getKey())) {
                continue;
            }
            for (Object[] args : argumentLists()) {
                try {
                    interp.apply(builtin, args);
                } catch (LogosError e) {
                    String message = e.getMessage();
                    if (message.contains("java.") || message.contains("Exception")) {
                        leaks.add(entry.getKey() + ": " + message);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    leaks.add(entry.getKey() + " " + describe(args) + " threw " + e);
                }
            }
        }
        assertTrue(leaks.isEmpty(), () -> leaks.size() + " leaks:\n" + String.join("\n", leaks));
    }

    @Test
    void shouldNameTheBuiltinInTypeErrors() {
        Interp interp = CoreLibrary.standard();
        for (String call : List.of("(first 5)", "(count 5)", "(assoc 5 1 2)", "(nth [1] \"a\")", "(subs 5 1)",
            "(update 5 :a inc)", "(reduce + 5)", "(map inc 5)", "(string/join 5)", "(keys 5)")) {
            String name = call.substring(1, call.indexOf(' '));
            try {
                interp.evalString(call, "test");
                fail(call + " should fail");
            } catch (LogosError e) {
                assertTrue(e.getMessage().contains(name), call + " gave: " + e.getMessage());
            }
        }
    }

    private static List<Object[]> argumentLists() {
        List<Object[]> lists = new ArrayList<>();
        lists.add(new Object[0]);
        for (Object a : SAMPLES) {
            lists.add(new Object[] {a});
            for (Object b : SAMPLES) {
                lists.add(new Object[] {a, b});
            }
            lists.add(new Object[] {a, 1L, a});
        }
        return lists;
    }

    private static String describe(Object[] args) {
        return java.util.Arrays.toString(args);
    }
}
