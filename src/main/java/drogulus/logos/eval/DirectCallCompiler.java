package drogulus.logos.eval;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The part of {@link CallCompiler} that writes calls of compiled closures made at the call site
 * ({@link DirectCalls}), and the ordinary call such a site falls back to.
 */
final class DirectCallCompiler implements Opcodes {
    private final BodyCompiler compiler;
    private final CallCompiler calls;
    private final MethodVisitor code;

    DirectCallCompiler(BodyCompiler compiler, CallCompiler calls, MethodVisitor code) {
        this.compiler = compiler;
        this.calls = calls;
        this.code = code;
    }

    /**
     * Whether a call not in tail position looks like one of a closure of one fixed arity: of the running function
     * by its own name, or through a global that holds such a closure now. Checked again when the call runs.
     */
    static boolean callsClosure(CallNode call, int count) {
        if (call.fn instanceof EvalNodes.Self) {
            return true;
        }
        return call.cell != null && call.cell.isBound() && call.cell.get() instanceof Closure closure
            && closure.arities.length == 1 && !closure.arities[0].variadic && closure.arities[0].required == count;
    }

    /**
     * A call of a closure whose body is compiled, made here rather than through {@link Interp#call}: the site
     * reads the body and calls its {@code run} itself, so the JIT profiles the call at this site, where it is
     * nearly always to one body (the function itself, in a recursion), and can inline it. {@link DirectCalls}
     * does what Interp.call does around it; any other function, or a body not compiled yet, gets the ordinary
     * call.
     */
    @Twin("closure call")
    void call(CallNode call) {
        String type = BodyCompiler.typeOf(call);
        int function = compiler.newLocal(1);
        calls.function(call);
        code.visitVarInsn(ASTORE, function);
        calls.argumentArray(call.args());
        int values = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, values);
        Label other = new Label();
        Label end = new Label();
        Label start = new Label();
        Label ran = new Label();
        Label failed = new Label();
        compiler.constant(call, type);
        code.visitVarInsn(ALOAD, function);
        code.visitVarInsn(ALOAD, values);
        JvmRefs.DIRECT_ENTER.invoke(code);
        int frame = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, frame);
        code.visitVarInsn(ALOAD, frame);
        code.visitJumpInsn(IFNULL, other);
        code.visitTryCatchBlock(start, ran, failed, JvmRefs.THROWABLE);
        code.visitLabel(start);
        code.visitVarInsn(ALOAD, function);
        code.visitTypeInsn(CHECKCAST, JvmRefs.CLOSURE);
        JvmRefs.CLOSURE_ARITIES.get(code);
        code.visitInsn(ICONST_0);
        code.visitInsn(AALOAD);
        JvmRefs.ARITY_COMPILED.get(code);
        code.visitVarInsn(ALOAD, frame);
        JvmRefs.RUN.invoke(code);
        int result = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, result);
        code.visitLabel(ran);
        compiler.constant(call, type);
        code.visitVarInsn(ALOAD, function);
        code.visitVarInsn(ALOAD, result);
        JvmRefs.DIRECT_LEAVE.invoke(code);
        code.visitJumpInsn(GOTO, end);
        code.visitLabel(failed);
        int thrown = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, thrown);
        compiler.constant(call, type);
        code.visitVarInsn(ALOAD, function);
        code.visitVarInsn(ALOAD, thrown);
        JvmRefs.DIRECT_FAILED.invoke(code);
        code.visitInsn(ATHROW);
        code.visitLabel(other);
        ordinaryCall(call, function, values);
        code.visitLabel(end);
    }

    /** The call a site makes when its function is not what it was compiled for, from the argument array. */
    private void ordinaryCall(CallNode call, int function, int values) {
        compiler.constant(call, BodyCompiler.typeOf(call));
        code.visitVarInsn(ALOAD, function);
        if (call instanceof CallNode.Call1 || call instanceof CallNode.Call2) {
            // By call1 and call2, which hand a lazy sequence to a built-in without keeping it (CallNode says why).
            int n = call.args().length;
            for (int i = 0; i < n; i++) {
                code.visitVarInsn(ALOAD, values);
                code.visitLdcInsn(i);
                code.visitInsn(AALOAD);
            }
            code.visitInsn(ACONST_NULL);
            code.visitVarInsn(ASTORE, values);
            (n == 1 ? JvmRefs.CALL1 : JvmRefs.CALL2).invoke(code);
        } else {
            code.visitVarInsn(ALOAD, values);
            JvmRefs.CALL_N.invoke(code);
        }
    }
}
