package drogulus.logos.eval;

import drogulus.logos.data.Cost;
import drogulus.logos.data.StrText;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The part of {@link CallCompiler} that writes calls of {@code str} and {@code +} with three or more arguments
 * without the array of their values a call of a built-in needs: {@code (str "row-" i "," j)} appends each value
 * from its local to one builder, and {@code (+ acc x y)} of longs adds them unboxed. Each checks, every time it
 * runs, that the global still holds the built-in; when it does not, or a sum is not of longs that fit, the call is
 * the ordinary one, made from the same values, so its result, errors and charges are the built-in's.
 */
final class VariadicCallCompiler implements Opcodes {
    private static final JvmRefs.MethodRef SIZE = JvmRefs.MethodRef.of(StrText.class, "size", Object.class);
    private static final JvmRefs.MethodRef BUILDER = JvmRefs.MethodRef.of(StrText.class, "builder", long.class);
    private static final JvmRefs.MethodRef APPEND = JvmRefs.MethodRef.of(StrText.class, "append",
        StringBuilder.class, Object.class, Cost.class);
    private static final JvmRefs.MethodRef TO_STRING = JvmRefs.MethodRef.of(StringBuilder.class, "toString");
    private static final JvmRefs.MethodRef TRACE = JvmRefs.MethodRef.of(CallNode.class, "trace",
        RuntimeException.class, Object.class);
    private static final String RUNTIME_EXCEPTION = "java/lang/RuntimeException";

    private final BodyCompiler compiler;
    private final CallCompiler calls;
    private final MethodVisitor code;

    VariadicCallCompiler(BodyCompiler compiler, CallCompiler calls, MethodVisitor code) {
        this.compiler = compiler;
        this.calls = calls;
        this.code = code;
    }

    /** The built-in of a call this class writes (str or + of three or more arguments held by its global), or null. */
    static Builtin builtinOf(CallNode call) {
        if (call.args().length < 3 || call.cell == null || !call.cell.isBound()
                || !(call.cell.get() instanceof Builtin builtin)) {
            return null;
        }
        Intrinsic op = builtin.intrinsic();
        return op == Intrinsic.STR || op == Intrinsic.ADD ? builtin : null;
    }

    void call(CallNode call, Builtin builtin) {
        int function = calls.builtinLocal(call);
        int[] locals = calls.valuesInLocals(call.args());
        Label slow = new Label();
        Label end = new Label();
        if (builtin.intrinsic() == Intrinsic.STR) {
            calls.guard(function, builtin, slow);
            str(call, function, locals);
        } else {
            calls.guard(function, builtin, slow, locals);
            sum(locals, slow);
        }
        code.visitJumpInsn(GOTO, end);
        code.visitLabel(slow);
        compiler.constant(call, BodyCompiler.typeOf(call));
        code.visitVarInsn(ALOAD, function);
        code.visitLdcInsn(locals.length);
        code.visitTypeInsn(ANEWARRAY, JvmRefs.OBJECT);
        for (int i = 0; i < locals.length; i++) {
            code.visitInsn(DUP);
            code.visitLdcInsn(i);
            code.visitVarInsn(ALOAD, locals[i]);
            code.visitInsn(AASTORE);
        }
        JvmRefs.CALL_N.invoke(code);
        code.visitLabel(end);
    }

    /**
     * The builder sized from every value, then each value appended and charged as the built-in's body does it
     * ({@link StrText}); an error on the way (a limit while a value is printed) gets the call's position, as
     * the ordinary call of a built-in gives it.
     */
    private void str(CallNode call, int function, int[] locals) {
        Label start = new Label();
        Label done = new Label();
        Label failed = new Label();
        code.visitTryCatchBlock(start, done, failed, RUNTIME_EXCEPTION);
        code.visitLabel(start);
        for (int i = 0; i < locals.length; i++) {
            code.visitVarInsn(ALOAD, locals[i]);
            SIZE.invoke(code);
            if (i > 0) {
                code.visitInsn(LADD);
            }
        }
        BUILDER.invoke(code);
        for (int local : locals) {
            code.visitVarInsn(ALOAD, local);
            compiler.constant(compiler.budget(), JvmRefs.BUDGET);
            APPEND.invoke(code);
        }
        TO_STRING.invoke(code);
        int result = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, result);
        code.visitLabel(done);
        code.visitVarInsn(ALOAD, result);
        Label after = new Label();
        code.visitJumpInsn(GOTO, after);
        code.visitLabel(failed);
        int thrown = compiler.newLocal(1);
        code.visitVarInsn(ASTORE, thrown);
        compiler.constant(call, BodyCompiler.typeOf(call));
        code.visitVarInsn(ALOAD, thrown);
        code.visitVarInsn(ALOAD, function);
        TRACE.invoke(code);
        code.visitInsn(ATHROW);
        code.visitLabel(after);
    }

    /** The longs in the locals (checked by the guard) added unboxed; to slow at the first overflow. */
    private void sum(int[] locals, Label slow) {
        calls.unboxed(locals[0]);
        for (int i = 1; i < locals.length; i++) {
            calls.unboxed(locals[i]);
            calls.exact(true, slow);
        }
        JvmRefs.LONG_VALUE_OF.invoke(code);
    }
}
