package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random small functions, run as trees and compiled, must give the same value or the same error. The
 * generator mixes what the compiler writes out (if, let, do, loop/recur, calls, the intrinsics) with values
 * that leave the inline paths (overflowing longs, doubles, nil, strings).
 */
@Timeout(60)
class CompilerPropertyTest {
    private static final String[] BINARY = {"+", "-", "<", ">", "<=", ">=", "=", "max", "str", "vector"};
    private static final String[] UNARY = {"inc", "dec", "not", "nil?", "str", "abs"};
    private static final String[] ATOMS = {"a", "b", "0", "1", "-1", "2.5", "nil", "9223372036854775807",
        "-9223372036854775808", "\"s\"", "true", "false"};

    private final Interp interp = CoreLibrary.standard();
    /** The tree side: its budget compiles nothing, even in the test run that compiles every body at once. */
    private final Interp trees = CoreLibrary.standard(Budget.unlimitedTreesOnly());
    private final Random random = new Random(20261126L);

    private String expression(int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return ATOMS[random.nextInt(ATOMS.length)];
        }
        return switch (random.nextInt(9)) {
            case 0, 1 -> "(" + BINARY[random.nextInt(BINARY.length)] + " " + expression(depth - 1) + " "
                + expression(depth - 1) + ")";
            case 2 -> "(" + UNARY[random.nextInt(UNARY.length)] + " " + expression(depth - 1) + ")";
            case 3 -> "(if " + expression(depth - 1) + " " + expression(depth - 1) + " " + expression(depth - 1)
                + ")";
            case 4 -> "(let [a " + expression(depth - 1) + "] " + expression(depth - 1) + ")";
            case 5 -> "(do " + expression(depth - 1) + " " + expression(depth - 1) + ")";
            case 6 -> "(loop [i 3 acc " + expression(depth - 1) + "] (if (> i 0) (recur (dec i) "
                + expression(depth - 1).replace("b", "acc") + ") acc))";
            case 7 -> "(helper " + expression(depth - 1) + " " + expression(depth - 1) + ")";
            default -> "(count [" + expression(depth - 1) + " " + expression(depth - 1) + "])";
        };
    }

    private String outcome(Closure f, boolean compiled, Object a, Object b) {
        long compiledBefore = HotCode.compiled();
        try {
            Object result;
            if (compiled) {
                Arity arity = f.arityFor(2);
                CompiledCode code = BodyCompiler.compileOrThrow(arity.body, arity, Budget.unlimited());
                assertNotNull(code);
                Frame frame = new Frame(arity.frameSize, f.captured, f);
                arity.bind(frame, new Object[] {a, b});
                result = code.run(frame);
                if (result instanceof TailCall call) {
                    result = interp.apply(call.fn, call.args);
                }
            } else {
                result = trees.apply(f, a, b);
                assertEquals(compiledBefore, HotCode.compiled(), "the tree side compiled a body");
            }
            return Printer.print(result, true);
        } catch (LogosError e) {
            return "error: " + e.getMessage();
        } catch (Throwable e) {
            throw new AssertionError("not a Logos error: " + e, e);
        }
    }

    @Test
    void compiledFunctionsAgreeWithTheirTrees() {
        String helper = "(defn helper [x y] (if (number? x) (str x y) [y x]))";
        interp.evalString(helper, "test");
        trees.evalString(helper, "test");
        Object[][] inputs = {{1L, 2L}, {Long.MAX_VALUE, -1L}, {null, 0L}, {2.5, 3L}, {"s", false}};
        for (int i = 0; i < 400; i++) {
            // Two functions in three call themselves a few times, in tail position (compiled code jumps) or not
            // (compiled code calls its own method directly).
            String body = expression(4);
            String selfCall = "(self (dec a) " + expression(3) + ")";
            String guard = "(if (and (integer? a) (< 0 a 4)) ";
            String source = switch (i % 3) {
                case 0 -> "(fn [a b] " + body + ")";
                case 1 -> "(fn self [a b] " + guard + selfCall + " " + body + "))";
                default -> "(fn self [a b] " + guard + "(str " + selfCall + " " + expression(2) + ") " + body + "))";
            };
            Closure f = (Closure) interp.evalString(source, "test");
            Closure tree = (Closure) trees.evalString(source, "test");
            for (Object[] in : inputs) {
                assertEquals(outcome(tree, false, in[0], in[1]), outcome(f, true, in[0], in[1]),
                    () -> source + " with " + Printer.print(LVector.of(in), true));
            }
        }
    }
}
