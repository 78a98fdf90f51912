package drogulus.logos.eval;

import drogulus.logos.data.Position;

/**
 * Calls of the arithmetic and comparison built-ins, done inline when the operands are longs: the commonest
 * calls of numeric code then cost a type test and a machine instruction instead of a dispatch through the
 * built-in. Each node checks, every time it runs, that its global still holds the built-in it was made for;
 * when it does not, or an operand is not a long, or the result overflows, it makes the ordinary call.
 */
final class IntrinsicCalls {
    private IntrinsicCalls() {
    }

    /** The inline node for a call of an intrinsic built-in with the arguments it handles, or null. */
    static EvalNode of(EvalNode fn, EvalNode[] args, boolean tail, String label, Position position) {
        if (!(fn instanceof EvalNodes.Global global) || !global.cell().isBound()
                || !(global.cell().get() instanceof Builtin builtin)) {
            return null;
        }
        Intrinsic op = builtin.intrinsic();
        if (args.length == 1 && (op == Intrinsic.INC || op == Intrinsic.DEC || op == Intrinsic.NOT)) {
            return new Unary(fn, args, tail, label, position, builtin);
        }
        boolean binary = switch (op) {
            case ADD, SUBTRACT, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL, EQUAL -> true;
            default -> false;
        };
        return binary && args.length == 2 ? new Binary(fn, args, tail, label, position, builtin) : null;
    }

    /** A call of an intrinsic built-in: which one, and the function the call makes now. */
    abstract static class Intrinsified extends CallNode {
        final Builtin builtin;
        final Intrinsic op;

        Intrinsified(EvalNode fn, EvalNode[] args, boolean tail, String label, Position position, Builtin builtin) {
            super(fn, args, tail, label, position);
            this.builtin = builtin;
            this.op = builtin.intrinsic();
        }

        /** The function to call: the built-in while the global still holds it, else whatever it holds. */
        final Object target(Frame frame) {
            return cell.holds(builtin) ? builtin : function(frame);
        }
    }

    /** {@code inc}, {@code dec} and {@code not} of one argument. */
    static final class Unary extends Intrinsified {
        final EvalNode arg;
        private final int slot;

        Unary(EvalNode fn, EvalNode[] args, boolean tail, String label, Position position, Builtin builtin) {
            super(fn, args, tail, label, position, builtin);
            this.arg = args[0];
            this.slot = slotOf(arg);
        }

        @Twin("unary intrinsics and their overflow")
        @Override
        Object eval(Frame frame) {
            // The function is read before the argument, as every call does.
            Object f = target(frame);
            Object a = slot >= 0 ? frame.slots[slot] : arg.eval(frame);
            if (f == builtin) {
                Object result = switch (op) {
                    case NOT -> a == null || a == Boolean.FALSE;
                    case INC -> a instanceof Long x && x != Long.MAX_VALUE ? (Object) (x + 1) : null;
                    case DEC -> a instanceof Long x && x != Long.MIN_VALUE ? (Object) (x - 1) : null;
                    default -> null;
                };
                if (result != null) {
                    return result;
                }
            }
            return call1(f, a);
        }
    }

    /** The arithmetic and comparisons of two arguments. */
    static final class Binary extends Intrinsified {
        final EvalNode first;
        final EvalNode second;
        private final int firstSlot;
        private final int secondSlot;
        private final boolean secondIsConstant;
        private final Object secondConstant;

        Binary(EvalNode fn, EvalNode[] args, boolean tail, String label, Position position, Builtin builtin) {
            super(fn, args, tail, label, position, builtin);
            this.first = args[0];
            this.second = args[1];
            this.firstSlot = slotOf(first);
            this.secondSlot = slotOf(second);
            this.secondIsConstant = isConstant(second);
            this.secondConstant = constantOf(second);
        }

        @Twin("binary intrinsics and their overflow")
        @Override
        Object eval(Frame frame) {
            Object f = target(frame);
            Object a = firstSlot >= 0 ? frame.slots[firstSlot] : first.eval(frame);
            Object b = secondSlot >= 0 ? frame.slots[secondSlot]
                : secondIsConstant ? secondConstant : second.eval(frame);
            if (f == builtin && a instanceof Long x && b instanceof Long y) {
                Object result = longs(op, x, y);
                if (result != null) {
                    return result;
                }
            }
            return call2(f, a, b);
        }

        /** The result for two longs, or null when it overflows and the built-in must make a big integer. */
        private static Object longs(Intrinsic op, long x, long y) {
            return switch (op) {
                case ADD -> {
                    long r = x + y;
                    yield ((x ^ r) & (y ^ r)) < 0 ? null : (Object) r;
                }
                case SUBTRACT -> {
                    long r = x - y;
                    yield ((x ^ y) & (x ^ r)) < 0 ? null : (Object) r;
                }
                case LESS -> x < y;
                case GREATER -> x > y;
                case LESS_OR_EQUAL -> x <= y;
                case GREATER_OR_EQUAL -> x >= y;
                case EQUAL -> x == y;
                default -> null;
            };
        }
    }
}
