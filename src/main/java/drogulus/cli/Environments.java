package drogulus.cli;

import drogulus.bindings.CryptoBuiltins;
import drogulus.crypto.Identity;
import drogulus.bindings.JsonBuiltins;
import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.builtins.Sandbox;
import drogulus.logos.builtins.SandboxBuiltins;
import drogulus.logos.eval.Interp;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Builds the interpreters the commands use, with built-ins from every layer: a full-rights one for the REPL
 * and scripts, and sandboxes that have only what is safe for untrusted code.
 */
final class Environments {
    private Environments() {
    }

    /** Full rights: files, signing with the identity under {@code home} (made on first use), sandbox/eval. */
    static Interp standard(Path home) {
        return standard(home, () -> Identity.loadOrCreate(home));
    }

    /** Full rights, signing with the given identity. */
    static Interp standard(Path home, Supplier<Identity> identity) {
        Interp interp = CoreLibrary.standard();
        JsonBuiltins.install(interp.globals());
        CryptoBuiltins.install(interp.globals(), identity);
        SandboxBuiltins.install(interp, Environments::sandbox);
        return interp;
    }

    /** A sandbox: the safe language, JSON, hashing and signature checks; no files, processes or signing. */
    static Interp sandbox(Sandbox.Limits limits) {
        return Sandbox.create(limits, Environments::installSafeExtras);
    }

    private static void installSafeExtras(Interp interp) {
        JsonBuiltins.install(interp.globals(), interp.budget());
        CryptoBuiltins.installSafe(interp.globals(), interp.budget());
    }
}
