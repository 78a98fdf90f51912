package drogulus.logos.eval;

import static drogulus.logos.eval.BodyCompiler.FRAME_LOCAL;
import static drogulus.logos.eval.JvmRefs.BOXED_LONG;
import static drogulus.logos.eval.JvmRefs.OBJECT;

import drogulus.logos.data.Keyword;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The part of {@link BodyCompiler} that writes calls: plain calls through the call node's own methods, calls of
 * built-ins through their fast paths held as constants, and the intrinsics on unboxed longs. Every path that
 * is not inline ends in the node method the tree would have run, so errors and tail calls are the tree's.
 */
final class CallCompiler implements Opcodes {
    private final BodyCompiler compiler;
    private final MethodVisitor code;
    private final DirectCallCompiler direct;
    private final VariadicCallCompiler variadic;

    CallCompiler(BodyCompiler compiler, MethodVisitor code) {
        this.compiler = compiler;
        this.code = code;
        this.direct = new DirectCallCompiler(compiler, this, code);
        this.variadic = new VariadicCallCompiler(compiler, this, code);
    }

    static boolean isPlainCall(CallNode call) {
        Class<?> type = call.getClass();
        return type == CallNode.class || type == CallNode.Call1.class || type == CallNode.Call2.class;
    }

    /** Pushes the call node, then the function it calls. */
    private void receiverAndFunction(CallNode call) {
        compiler.constant(call, BodyCompiler.typeOf(call));
        function(call);
    }

    /** Pushes the function a call calls, read as the node reads it. */
    void function(CallNode call) {
        if (call.cell != null) {
            compiler.constant(call, BodyCompiler.typeOf(call));
            code.visitVarInsn(ALOAD, FRAME_LOCAL);
            JvmRefs.FUNCTION.invoke(code);
        } else {
            compiler.value(call.fn);
        }
    }

    /** Pushes a new array of the arguments' values. */
    void argumentArray(EvalNode[] args) {
        code.visitLdcInsn(args.length);
        code.visitTypeInsn(ANEWARRAY, OBJECT);
        for (int i = 0; i < args.length; i++) {
            code.visitInsn(DUP);
            code.visitLdcInsn(i);
            compiler.value(args[i]);
            code.visitInsn(AASTORE);
        }
    }

    /** The built-in a call's global holds now, if it has the fast path for this many arguments; else null. */
    private static Builtin knownBuiltin(CallNode call, int args) {
        if (call.cell == null || !call.cell.isBound() || !(call.cell.get() instanceof Builtin builtin)) {
            return null;
        }
        return (args == 1 && builtin.one != null) || (args == 2 && builtin.two != null) ? builtin : null;
    }

    void call(CallNode call) {
        int count = call.args().length;
        Arity self = compiler.self();
        if (call.tail && self != null && !self.variadic && self.required == count && callsItself(call, self)) {
            selfTailCall(call, self);
            return;
        }
        if ((count == 1 || count == 2) && CallNode.constantOf(call.fn) instanceof Keyword) {
            keywordCall(call);
            return;
        }
        Builtin many = VariadicCallCompiler.builtinOf(call);
        if (many != null) {
            variadic.call(call, many);
            return;
        }
        Builtin known = knownBuiltin(call, count);
        if (known != null) {
            builtinCall(call, known);
            return;
        }
        if (!call.tail && DirectCallCompiler.callsClosure(call, count)) {
            direct.call(call);
            return;
        }
        receiverAndFunction(call);
        if (call instanceof CallNode.Call1 one) {
            compiler.value(one.arg);
            JvmRefs.CALL1.invoke(code);
        } else if (call instanceof CallNode.Call2 two) {
            compiler.value(two.first);
            compiler.value(two.second);
            JvmRefs.CALL2.invoke(code);
        } else {
            argumentArray(call.args());
            JvmRefs.CALL_N.invoke(code);
        }
    }

    /** {@code (:k m)} or {@code (:k m default)}: a map looked up in place (see {@link CallNode#keyword1}). */
    private void keywordCall(CallNode call) {
        receiverAndFunction(call);
        for (EvalNode arg : call.args()) {
            compiler.value(arg);
        }
        (call.args().length == 1 ? JvmRefs.KEYWORD1 : JvmRefs.KEYWORD2).invoke(code);
    }

    /**
     * A call in tail position that may be to the running function itself. If it is, the call is made as the
     * trampoline in {@link Interp} would make it (steps charged, a new frame) but by jumping to the start of
     * this method instead of returning a {@link TailCall}; otherwise it is the ordinary call.
     */
    @Twin("self tail call")
    private void selfTailCall(CallNode call, Arity self) {
        int function = compiler.newLocal(1);
        function(call);
        code.visitVarInsn(ASTORE, function);
        argumentArray(call.args());
        int values = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, values);
        Label other = new Label();
        code.visitVarInsn(ALOAD, function);
        code.visitVarInsn(ALOAD, FRAME_LOCAL);
        JvmRefs.FRAME_SELF.get(code);
        code.visitJumpInsn(IF_ACMPNE, other);
        compiler.constant(compiler.budget(), JvmRefs.BUDGET);
        code.visitLdcInsn((long) self.weight);
        JvmRefs.STEPS.invoke(code);
        compiler.constant(self, JvmRefs.ARITY);
        code.visitVarInsn(ALOAD, values);
        code.visitVarInsn(ALOAD, FRAME_LOCAL);
        JvmRefs.FRAME_SELF.get(code);
        JvmRefs.ARITY_FRAME.invoke(code);
        code.visitVarInsn(ASTORE, FRAME_LOCAL);
        code.visitJumpInsn(GOTO, compiler.top());
        code.visitLabel(other);
        compiler.constant(call, BodyCompiler.typeOf(call));
        code.visitVarInsn(ALOAD, function);
        code.visitVarInsn(ALOAD, values);
        JvmRefs.CALL_N.invoke(code);
    }

    /**
     * Whether a call looks like one of the running function to itself: by its own name, or through a global
     * that holds a function of this one arity now. Checked again when the call runs.
     */
    private static boolean callsItself(CallNode call, Arity self) {
        if (call.fn instanceof EvalNodes.Self) {
            return true;
        }
        return call.cell != null && call.cell.isBound() && call.cell.get() instanceof Closure closure
            && closure.arities.length == 1 && closure.arities[0] == self;
    }

    /**
     * A call of a global that holds a built-in with a fast path: while it still holds that built-in, the fast
     * path is called as a constant, which the JIT can inline; otherwise the ordinary call.
     */
    @Twin("built-in fast path")
    private void builtinCall(CallNode call, Builtin builtin) {
        String type = BodyCompiler.typeOf(call);
        int function = builtinLocal(call);
        int[] locals = valuesInLocals(call.args());
        Label slow = new Label();
        Label end = new Label();
        guard(function, builtin, slow);
        compiler.constant(call, type);
        if (locals.length == 1) {
            compiler.constant(builtin.one, JvmRefs.BODY1);
        } else {
            compiler.constant(builtin.two, JvmRefs.BODY2);
        }
        compiler.constant(builtin, JvmRefs.BUILTIN);
        for (int local : locals) {
            code.visitVarInsn(ALOAD, local);
        }
        if (locals.length == 1) {
            JvmRefs.APPLY_ONE.invoke(code);
        } else {
            JvmRefs.APPLY_TWO.invoke(code);
        }
        code.visitJumpInsn(GOTO, end);
        slowCall(call, slow, function, locals);
        code.visitLabel(end);
    }

    /** Stores the function a call of a built-in calls, as a plain call reads it, in a new local. */
    int builtinLocal(CallNode call) {
        return functionLocal(call, JvmRefs.FUNCTION);
    }

    /** Evaluates the arguments in order, each into a new local; returns the locals. */
    int[] valuesInLocals(EvalNode[] args) {
        int[] locals = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            compiler.value(args[i]);
            locals[i] = compiler.newLocal(1);
            code.visitVarInsn(ASTORE, locals[i]);
        }
        return locals;
    }

    /** At {@code slow}: the ordinary call of one or two arguments, from the locals that hold them. */
    private void slowCall(CallNode call, Label slow, int function, int... args) {
        code.visitLabel(slow);
        compiler.constant(call, BodyCompiler.typeOf(call));
        code.visitVarInsn(ALOAD, function);
        for (int local : args) {
            code.visitVarInsn(ALOAD, local);
        }
        if (args.length == 1) {
            JvmRefs.CALL1.invoke(code);
        } else {
            JvmRefs.CALL2.invoke(code);
        }
    }

    /** Stores the function a call calls, read by the node's own method (so with its errors), in a new local. */
    private int functionLocal(CallNode node, JvmRefs.MethodRef read) {
        compiler.constant(node, BodyCompiler.typeOf(node));
        code.visitVarInsn(ALOAD, FRAME_LOCAL);
        read.invokeOn(code, BodyCompiler.typeOf(node));
        int local = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, local);
        return local;
    }

    /** Jumps to {@code slow} unless the local holds the built-in and the operand locals hold longs. */
    void guard(int function, Builtin builtin, Label slow, int... operands) {
        code.visitVarInsn(ALOAD, function);
        compiler.constant(builtin, JvmRefs.BUILTIN);
        code.visitJumpInsn(IF_ACMPNE, slow);
        for (int operand : operands) {
            code.visitVarInsn(ALOAD, operand);
            code.visitTypeInsn(INSTANCEOF, BOXED_LONG);
            code.visitJumpInsn(IFEQ, slow);
        }
    }

    void unboxed(int local) {
        code.visitVarInsn(ALOAD, local);
        code.visitTypeInsn(CHECKCAST, BOXED_LONG);
        JvmRefs.LONG_VALUE.invoke(code);
    }

    private void boxLong() {
        JvmRefs.LONG_VALUE_OF.invoke(code);
    }

    private void boolean1(int jumpWhenFalse) {
        Label no = new Label();
        Label end = new Label();
        code.visitJumpInsn(jumpWhenFalse, no);
        JvmRefs.TRUE.get(code);
        code.visitJumpInsn(GOTO, end);
        code.visitLabel(no);
        JvmRefs.FALSE.get(code);
        code.visitLabel(end);
    }

    @Twin("binary intrinsics and their overflow")
    void binary(IntrinsicCalls.Binary node) {
        int function = functionLocal(node, JvmRefs.TARGET);
        compiler.value(node.first);
        int a = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, a);
        compiler.value(node.second);
        int b = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, b);
        Label slow = new Label();
        Label end = new Label();
        guard(function, node.builtin, slow, a, b);
        unboxed(a);
        unboxed(b);
        switch (node.op) {
            case ADD, SUBTRACT -> {
                exact(node.op == Intrinsic.ADD, slow);
                boxLong();
            }
            case LESS -> compareLongs(IFGE);
            case GREATER -> compareLongs(IFLE);
            case LESS_OR_EQUAL -> compareLongs(IFGT);
            case GREATER_OR_EQUAL -> compareLongs(IFLT);
            case EQUAL -> compareLongs(IFNE);
            default -> throw new IllegalStateException("no inline code for " + node.op);
        }
        code.visitJumpInsn(GOTO, end);
        slowCall(node, slow, function, a, b);
        code.visitLabel(end);
    }

    /**
     * With two longs x and y on the stack, leaves x + y (or x - y), or jumps to overflow when that does not fit: the
     * test of Math.addExact and subtractExact, on the signs of the operands and the result.
     */
    void exact(boolean add, Label overflow) {
        int x = compiler.newLocal(2);
        int y = compiler.newLocal(2);
        int r = compiler.newLocal(2);
        code.visitVarInsn(LSTORE, y);
        code.visitVarInsn(LSTORE, x);
        code.visitVarInsn(LLOAD, x);
        code.visitVarInsn(LLOAD, y);
        code.visitInsn(add ? LADD : LSUB);
        code.visitVarInsn(LSTORE, r);
        code.visitVarInsn(LLOAD, x);
        code.visitVarInsn(LLOAD, add ? r : y);
        code.visitInsn(LXOR);
        code.visitVarInsn(LLOAD, add ? y : x);
        code.visitVarInsn(LLOAD, r);
        code.visitInsn(LXOR);
        code.visitInsn(LAND);
        code.visitInsn(LCONST_0);
        code.visitInsn(LCMP);
        code.visitJumpInsn(IFLT, overflow);
        code.visitVarInsn(LLOAD, r);
    }

    private void compareLongs(int jumpWhenFalse) {
        code.visitInsn(LCMP);
        boolean1(jumpWhenFalse);
    }

    @Twin("unary intrinsics and their overflow")
    void unary(IntrinsicCalls.Unary node) {
        int function = functionLocal(node, JvmRefs.TARGET);
        compiler.value(node.arg);
        int a = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, a);
        Label slow = new Label();
        Label end = new Label();
        if (node.op == Intrinsic.NOT) {
            guard(function, node.builtin, slow);
            Label truthy = new Label();
            code.visitVarInsn(ALOAD, a);
            Label falsy = new Label();
            code.visitJumpInsn(IFNULL, falsy);
            code.visitVarInsn(ALOAD, a);
            JvmRefs.FALSE.get(code);
            code.visitJumpInsn(IF_ACMPNE, truthy);
            code.visitLabel(falsy);
            JvmRefs.TRUE.get(code);
            code.visitJumpInsn(GOTO, end);
            code.visitLabel(truthy);
            JvmRefs.FALSE.get(code);
            code.visitJumpInsn(GOTO, end);
        } else {
            guard(function, node.builtin, slow, a);
            unboxed(a);
            int x = compiler.newLocal(2);
            code.visitVarInsn(LSTORE, x);
            code.visitVarInsn(LLOAD, x);
            code.visitLdcInsn(node.op == Intrinsic.INC ? Long.MAX_VALUE : Long.MIN_VALUE);
            code.visitInsn(LCMP);
            code.visitJumpInsn(IFEQ, slow);
            code.visitVarInsn(LLOAD, x);
            code.visitInsn(LCONST_1);
            code.visitInsn(node.op == Intrinsic.INC ? LADD : LSUB);
            boxLong();
            code.visitJumpInsn(GOTO, end);
        }
        slowCall(node, slow, function, a);
        code.visitLabel(end);
    }
}
