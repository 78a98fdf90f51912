package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Interp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgListsTest {
    private static String doc(Interp interp, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        interp.setOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
        interp.evalString("(doc " + name + ")", "<test>");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldHaveALineAgreeingWithItsAritiesForEveryBuiltinOfTheStandardEnvironment() {
        Interp interp = CoreLibrary.standard();
        SandboxBuiltins.install(interp, Sandbox::create);
        List<String> problems = ArgListsCheck.problems(interp.globals());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void shouldShowGetInsArgumentListsFirstInItsDoc() {
        String text = doc(CoreLibrary.standard(), "get-in");
        assertTrue(text.startsWith("get-in\n([m ks] [m ks not-found])\n  "), text);
    }

    @Test
    void shouldShowClojuresParameterNamesRatherThanGenericOnes() {
        Interp interp = CoreLibrary.standard();
        assertTrue(doc(interp, "reduce").startsWith("reduce\n([f coll] [f val coll])\n"));
        assertTrue(doc(interp, "assoc").startsWith("assoc\n([map key val] [map key val & kvs])\n"));
        assertTrue(doc(interp, "string/split").startsWith("string/split\n([s sep] [s sep limit])\n"));
    }

    @Test
    void shouldRejectVectorsWhoseAritiesDifferFromTheBuiltins() {
        assertTrue(ArgListsCheck.agrees(List.of("[m ks]", "[m ks not-found]"), 2, 3));
        assertFalse(ArgListsCheck.agrees(List.of("[m ks]"), 2, 3));
        assertFalse(ArgListsCheck.agrees(List.of("[x]", "[x y z]"), 1, 3));
        assertTrue(ArgListsCheck.agrees(List.of("[x]", "[x y & more]"), 1, Builtin.VARIADIC));
        assertFalse(ArgListsCheck.agrees(List.of("[x & more]"), 0, Builtin.VARIADIC));
        assertFalse(ArgListsCheck.agrees(List.of("[x y]"), 2, Builtin.VARIADIC));
        assertTrue(ArgListsCheck.agrees(List.of("[m [k & ks] v]"), 3, 3));
        assertEquals(List.of("m", "[k & ks]", "v"), ArgListsCheck.params("[m [k & ks] v]"));
    }
}
