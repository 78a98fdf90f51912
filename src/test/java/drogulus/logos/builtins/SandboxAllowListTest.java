package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.bindings.CryptoBuiltins;
import drogulus.bindings.JsonBuiltins;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Budget;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SandboxAllowListTest {
    private static final List<String> PRIVILEGED = List.of("slurp", "spit", "load-file", "exit", "sandbox/eval",
        "crypto/sign", "crypto/sign-item", "whoami", "read-line", "line-seq", "getenv", "*in*",
        "*command-line-args*");

    private static boolean bound(Interp interp, String name) {
        Globals.Cell cell = interp.globals().find(Symbol.of(name));
        return cell != null && cell.isBound();
    }

    @Test
    void shouldKeepTheAllowListSortedWithoutDuplicates() {
        assertEquals(new ArrayList<>(new TreeSet<>(Sandbox.ALLOWED)), Sandbox.ALLOWED);
    }

    @Test
    void shouldListEveryBuiltInTheSafeGroupsDefine() {
        // A new safe built-in fails here until a reviewer decides whether sandboxed code may have it.
        Interp interp = new Interp(new Globals(), Budget.unlimited());
        CoreLibrary.installSafe(interp);
        JsonBuiltins.install(interp.globals(), interp.budget());
        CryptoBuiltins.installSafe(interp.globals(), interp.budget());
        List<String> unlisted = new ArrayList<>(interp.globals().bound().keySet());
        unlisted.removeAll(Sandbox.ALLOWED);
        assertEquals(List.of(), unlisted, "safe built-ins missing from Sandbox.ALLOWED");
    }

    @Test
    void shouldNeverAllowPrivilegedBuiltIns() {
        for (String name : PRIVILEGED) {
            assertFalse(Sandbox.ALLOWED.contains(name), name);
        }
        Interp full = new Interp(new Globals(), Budget.unlimited());
        CoreLibrary.installPrivileged(full);
        for (String name : full.globals().bound().keySet()) {
            assertFalse(Sandbox.ALLOWED.contains(name), name);
        }
    }

    @Test
    void shouldDropPrivilegedBuiltInsThatExtrasInstall() {
        Interp sandbox = Sandbox.create(Sandbox.Limits.DEFAULT, interp -> {
            CoreLibrary.installPrivileged(interp);
            SandboxBuiltins.install(interp, Sandbox::create);
        });
        for (String name : PRIVILEGED) {
            assertFalse(bound(sandbox, name), name);
        }
        assertTrue(bound(sandbox, "map"));
        assertTrue(bound(sandbox, "defn"), "the standard library still loads");
    }
}
