package drogulus.bindings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.ArgLists;
import drogulus.logos.builtins.ArgListsCheck;
import drogulus.logos.builtins.Sandbox;
import drogulus.logos.builtins.SandboxBuiltins;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgListsBindingsTest {
    @TempDir
    Path home;

    /** The REPL's environment: the standard library with crypto, json, sandbox and dht built-ins. */
    private Interp everything() {
        Interp interp = new SimDht(3).person("alice", home.resolve("alice"), false).interp();
        JsonBuiltins.install(interp.globals());
        SandboxBuiltins.install(interp, Sandbox::create);
        return interp;
    }

    @Test
    void shouldHaveALineAgreeingWithItsAritiesForEveryCryptoJsonAndDhtBuiltin() {
        List<String> problems = ArgListsCheck.problems(everything().globals());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void shouldNameOnlyBuiltinsThatExist() {
        Globals globals = everything().globals();
        List<String> stale = new ArrayList<>();
        for (String name : ArgLists.all().keySet()) {
            Globals.Cell cell = globals.find(Symbol.of(name));
            if (cell == null || !cell.isBound() || !(cell.get() instanceof Builtin)) {
                stale.add(name);
            }
        }
        assertTrue(stale.isEmpty(), "arglists.txt names no built-in: " + stale);
    }
}
