package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Budget;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Closure;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryCoverageTest {
    /** Every sequence, map and string built-in this area promises. */
    private static final String NAMES = "list vector hash-map vec cons conj concat first second rest next last "
        + "butlast nth count seq empty? empty not-empty map mapv filter filterv remove keep reduce "
        + "reduce-kv apply range take drop take-while drop-while take-last reverse sort sort-by distinct "
        + "frequencies group-by partition partition-all partition-by interleave interpose map-indexed keep-indexed "
        + "zipmap into mapcat some "
        + "every? not-any? not-every? repeat repeatedly identity comp partial constantly complement juxt fnil "
        + "max-key min-key shuffle rand-nth subvec peek pop list* doall dorun "
        + "ffirst nfirst nnext fnext reduced reduced? get get-in assoc assoc-in update update-in dissoc keys vals "
        + "merge merge-with contains? select-keys find key val subs format string/split string/split-re "
        + "string/split-lines string/join string/upper-case string/lower-case string/capitalize string/trim "
        + "string/triml string/trimr string/blank? string/includes? string/starts-with? string/ends-with? "
        + "string/replace string/replace-re string/index-of string/last-index-of string/reverse";

    /** The lazy ones, written in core.logos as Clojure's are lazy sequences. */
    private static final String LOGOS_NAMES = "drop-last split-at "
        + "split-with flatten dedupe tree-seq reductions take-nth";

    @Test
    void shouldDefineEveryPromisedBuiltinWithADocstringSayingWhatItReturns() {
        Interp interp = new Interp(new Globals(), Budget.unlimited());
        CoreLibrary.installSafe(interp);
        List<String> problems = new ArrayList<>();
        for (String name : List.of(NAMES.split(" ", -1))) {
            Globals.Cell cell = interp.globals().find(Symbol.of(name));
            if (cell == null || !cell.isBound() || !(cell.get() instanceof Builtin builtin)) {
                problems.add(name + " is not a built-in");
            } else if (builtin.doc() == null || !builtin.doc().startsWith("Returns")) {
                problems.add(name + " has doc " + builtin.doc());
            }
        }
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void shouldDefineEveryPromisedLazyFunctionInTheLibraryWithADocstringSayingWhatItReturns() {
        Interp interp = CoreLibrary.standard();
        List<String> problems = new ArrayList<>();
        for (String name : List.of(LOGOS_NAMES.split(" ", -1))) {
            Globals.Cell cell = interp.globals().resolve(Symbol.of(name));
            if (!cell.isBound() || !(cell.get() instanceof Closure fn)) {
                problems.add(name + " is not a function of core.logos");
            } else {
                String doc = cell.doc() != null ? cell.doc() : fn.doc();
                if (doc == null || !doc.startsWith("Returns") || !doc.contains("lazy")) {
                    problems.add(name + " has doc " + doc);
                }
            }
        }
        assertTrue(problems.isEmpty(), problems::toString);
    }
}
