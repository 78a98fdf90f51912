package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LazyDefinitionsTest {
    private static final String LOGGING_LIBRARY = String.join("\n",
        ";; a library whose definitions say when they are evaluated",
        "(def log (atom []))",
        "(def a (do (swap! log conj :a) 1))",
        "",
        "(defn b",
        "  \"Two, (as a docstring line that starts with a parenthesis shows)\"",
        "  [] (swap! log conj :b-called) 2)",
        "(defmacro twice [x] `(* 2 ~x))",
        "(defn uses-twice [] (twice 21))",
        "(defn broken [] (no-such-function 1))",
        "");

    private static String eval(Interp interp, String source) {
        return Printer.print(interp.evalString(source, "main.logos"), true);
    }

    private static Interp withLibrary(String library) {
        Interp interp = CoreLibrary.standard();
        interp.defineLazily(library, "lib.logos");
        return interp;
    }

    @Test
    void coreLibraryIsCutIntoItsDefinitions() throws IOException {
        String core = Files.readString(Path.of("lib-logos", "core.logos"), StandardCharsets.UTF_8);
        assertNotNull(LazyDefinitions.cut(core, "core.logos", CoreLibrary.standard()),
            "core.logos must be made only of top-level definitions of distinct names, each starting a line with (");
    }

    @Test
    void aDefinitionIsEvaluatedWhenCodeFirstNamesIt() {
        Interp interp = withLibrary(LOGGING_LIBRARY);
        assertNull(interp.globals().find(Symbol.of("nothing-like-it")));
        assertEquals("2", eval(interp, "(b)"));
        assertEquals("[:b-called]", eval(interp, "@log"));
        assertEquals("1", eval(interp, "a"));
        assertEquals("[:b-called :a]", eval(interp, "@log"));
        assertEquals("1", eval(interp, "a"));
        assertEquals("[:b-called :a]", eval(interp, "@log"));
    }

    @Test
    void listingTheGlobalsLoadsEverythingPending() {
        Interp interp = withLibrary(LOGGING_LIBRARY);
        assertTrue(interp.globals().bound().containsKey("uses-twice"));
        assertEquals("[:a]", eval(interp, "@log"));
    }

    @Test
    void redefiningAPendingNameOrAMacroKeepsTheLibrarysOwnMeaning() {
        Interp interp = withLibrary(LOGGING_LIBRARY);
        eval(interp, "(defmacro twice [x] `(* 3 ~x))");
        assertEquals("42", eval(interp, "(uses-twice)"), "the library's code expanded the user's macro");
        assertEquals("63", eval(interp, "(twice 21)"));

        Interp other = withLibrary(LOGGING_LIBRARY);
        assertEquals("4", eval(other, "(twice 2)"));
        eval(other, "(defmacro twice [x] `(* 10 ~x))");
        assertEquals("42", eval(other, "(uses-twice)"));
    }

    @Test
    void askingWhetherAFamilyIsDefinedCountsPendingNamesWithoutLoadingThem() {
        Interp interp = withLibrary("(def log (atom []))\n(def fam/x (do (swap! log conj :x) 1))\n");
        assertTrue(interp.globals().definesUnder("fam/"));
        assertFalse(interp.globals().definesUnder("other/"));
        assertEquals("[]", eval(interp, "@log"));
        assertEquals("[1 [:x]]", eval(interp, "(require '[fam :as f]) [f/x @log]"));
    }

    @Test
    void aDefinitionTheHostMakesItselfWins() {
        Interp interp = withLibrary(LOGGING_LIBRARY);
        interp.globals().define("a", 99L);
        interp.globals().bound();
        assertEquals("99", eval(interp, "a"));
        assertEquals("[]", eval(interp, "@log"));
    }

    @Test
    void definitionsLoadedFromAnotherNamespaceKeepTheirPlainNames() {
        Interp interp = CoreLibrary.standard();
        assertEquals("3", eval(interp, "(ns my.lib) (defn g [] (when-not false 3)) (g)"));
        assertNull(interp.globals().find(Symbol.of("my.lib/when-not")));
        assertTrue(interp.globals().find(Symbol.of("when-not")).isBound());
    }

    @Test
    void anErrorInALazyDefinitionNamesItsFileAndLine() {
        Interp interp = withLibrary(LOGGING_LIBRARY);
        LogosError e = assertThrows(LogosError.class, () -> eval(interp, "(broken)"));
        assertTrue(e.report().contains("lib.logos:10"), e.report());
    }

    @Test
    void aFileWithOtherTopLevelFormsIsEvaluatedAtOnce() {
        Interp interp = CoreLibrary.standard();
        interp.defineLazily("(def seen (atom 0))\n(swap! seen inc)\n(def later 5)\n", "eager.logos");
        assertEquals("1", eval(interp, "@seen"));
        Interp twice = CoreLibrary.standard();
        twice.defineLazily("(def x 1)\n(def x 2)\n", "twice.logos");
        assertEquals("2", eval(twice, "x"));
    }

    @Test
    void loadingInPassingChargesTheProgramNothing() {
        String program = "(defn f [n] (cond (zero? n) :done :else (when-not false (f (dec n))))) (f 50)";
        Charges lazily = Charges.of(program);
        Budget budget = Budget.limited(Long.MAX_VALUE / 2, 600_000, Long.MAX_VALUE / 2, 10_000);
        Interp loaded = CoreLibrary.standard(budget);
        loaded.globals().bound();
        budget.reset();
        long before = budget.memoryLeft();
        loaded.evalString(program, "test");
        assertEquals(new Charges(before - budget.memoryLeft(), budget.stepsUsed()), lazily);
        assertFalse(lazily.steps() == 0);
    }
}
