package drogulus.logos.eval;

import static drogulus.logos.eval.JvmRefs.OBJECT;
import static drogulus.logos.eval.JvmRefs.OBJECTS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Compiles the node tree of a hot function body into a JVM class with one method, so that the JIT sees the
 * body's control flow and calls as plain bytecode instead of a chain of virtual {@code eval} calls it cannot
 * inline. The class does what the nodes do, in the same order: control forms, locals, loops, the calls of
 * {@link CallNode} and {@link IntrinsicCalls}, and literals ({@link LiteralCompiler}) are written out; every
 * other node is called through its own {@code eval}, held in a constant. Errors, tail calls, budgets and stack
 * frames all go through the same node methods as in the tree, so compiled and interpreted code cannot disagree on
 * them.
 */
final class BodyCompiler implements Opcodes {
    static final int FRAME_LOCAL = 1;
    private static final int SLOTS_LOCAL = 2;
    private static final int CAPTURED_LOCAL = 3;

    /**
     * HotSpot never compiles a method of over 8000 bytes of bytecode, and a body the JVM interprets is slower
     * than its tree compiled by the JIT.
     */
    private static final int MAX_CODE_BYTES = 8000;

    private final ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
        @Override
        protected String getCommonSuperClass(String first, String second) {
            // Only values of type Object meet where branches join; loading classes here is neither needed nor safe.
            return OBJECT;
        }
    };
    private final String className;
    private final Arity self;
    private final Budget budget;
    private final Label top = new Label();
    private final List<Object> constants = new ArrayList<>();
    private final List<String> constantTypes = new ArrayList<>();
    private final IdentityHashMap<Object, Integer> constantIndex = new IdentityHashMap<>();
    private MethodVisitor code;
    private CallCompiler calls;
    private LiteralCompiler literals;
    private int nextLocal = CAPTURED_LOCAL + 1;

    private BodyCompiler(Arity self, Budget budget) {
        this.className = JvmRefs.COMPILED_BODY;
        this.self = self;
        this.budget = budget;
    }

    /** A body whose method would be too large for the JIT: it stays a tree, and that is no failure. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("body too large for the JIT to compile", null, false, false);
        }
    }

    /** The arity compiled, when its self tail calls may jump to {@link #top}; null otherwise. */
    Arity self() {
        return self;
    }

    Budget budget() {
        return budget;
    }

    /** Where a self tail call jumps, with the new frame in its local. */
    Label top() {
        return top;
    }

    /** The body compiled, as {@link HotCode#compile} describes; what went wrong if it cannot be. */
    static CompiledCode compileOrThrow(EvalNode body, Arity self, Budget budget) throws Throwable {
        BodyCompiler compiler = new BodyCompiler(self, budget);
        byte[] bytes = compiler.classFile(body);
        MethodHandles.Lookup lookup = MethodHandles.lookup()
            .defineHiddenClassWithClassData(bytes, compiler.constants.toArray(), true);
        return (CompiledCode) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
            .invoke();
    }

    private byte[] classFile(EvalNode body) {
        writer.visit(V17, ACC_FINAL | ACC_SUPER, className, null, JvmRefs.COMPILED_CODE, null);
        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        JvmRefs.COMPILED_CODE_INIT.invoke(init);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        // Package access, as the abstract method it implements: the class is in this package.
        code = new CodeSize(writer.visitMethod(0, JvmRefs.RUN.name(), JvmRefs.RUN.descriptor(), null, null));
        calls = new CallCompiler(this, code);
        literals = new LiteralCompiler(this, code);
        code.visitCode();
        code.visitLabel(top);
        code.visitVarInsn(ALOAD, FRAME_LOCAL);
        JvmRefs.FRAME_SLOTS.get(code);
        code.visitVarInsn(ASTORE, SLOTS_LOCAL);
        code.visitVarInsn(ALOAD, FRAME_LOCAL);
        JvmRefs.FRAME_CAPTURED.get(code);
        code.visitVarInsn(ASTORE, CAPTURED_LOCAL);
        value(body);
        code.visitInsn(ARETURN);
        if (((CodeSize) code).bytes() > MAX_CODE_BYTES) {
            throw new TooLarge();
        }
        code.visitMaxs(0, 0);
        code.visitEnd();

        writeConstants();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Static final fields for the constants, set from the class data: the JIT folds them like literals. */
    private void writeConstants() {
        MethodVisitor clinit = writer.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        JvmRefs.LOOKUP.invoke(clinit);
        clinit.visitLdcInsn("_");
        clinit.visitLdcInsn(Type.getType(OBJECTS));
        JvmRefs.CLASS_DATA.invoke(clinit);
        clinit.visitTypeInsn(CHECKCAST, OBJECTS);
        clinit.visitVarInsn(ASTORE, 0);
        for (int i = 0; i < constants.size(); i++) {
            String type = constantTypes.get(i);
            writer.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "k" + i, "L" + type + ";", null, null).visitEnd();
            clinit.visitVarInsn(ALOAD, 0);
            clinit.visitLdcInsn(i);
            clinit.visitInsn(AALOAD);
            clinit.visitTypeInsn(CHECKCAST, type);
            clinit.visitFieldInsn(PUTSTATIC, className, "k" + i, "L" + type + ";");
        }
        clinit.visitInsn(RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
    }

    /** Pushes a constant, typed as the class that declares what the code calls on it. */
    void constant(Object value, String type) {
        Integer index = constantIndex.get(value);
        if (index == null || !constantTypes.get(index).equals(type)) {
            index = constants.size();
            constants.add(value);
            constantTypes.add(type);
            constantIndex.put(value, index);
        }
        code.visitFieldInsn(GETSTATIC, className, "k" + index, "L" + type + ";");
    }

    static String typeOf(EvalNode node) {
        return Type.getInternalName(node.getClass());
    }

    int newLocal(int width) {
        int local = nextLocal;
        nextLocal += width;
        return local;
    }

    /** Emits code that leaves the node's value on the stack. */
    void value(EvalNode node) {
        if (node instanceof EvalNodes.Constant constant) {
            Object v = constant.eval(null);
            if (v == null) {
                code.visitInsn(ACONST_NULL);
            } else {
                constant(v, OBJECT);
            }
        } else if (node instanceof EvalNodes.Local local) {
            slot(SLOTS_LOCAL, local.slot);
        } else if (node instanceof EvalNodes.Captured captured) {
            slot(CAPTURED_LOCAL, captured.index);
        } else if (node instanceof EvalNodes.If ifNode) {
            ifValue(ifNode);
        } else if (node instanceof EvalNodes.Do doNode) {
            for (int i = 0; i < doNode.body.length - 1; i++) {
                effect(doNode.body[i]);
            }
            value(doNode.body[doNode.body.length - 1]);
        } else if (node instanceof BindingNodes.Let let) {
            for (EvalNode binding : let.bindings) {
                effect(binding);
            }
            value(let.body);
        } else if (node instanceof BindingNodes.Loop loop) {
            loop(loop);
        } else if (node instanceof BindingNodes.RecurToLoop recur) {
            recur(recur);
        } else if (node instanceof IntrinsicCalls.Binary binary) {
            calls.binary(binary);
        } else if (node instanceof IntrinsicCalls.Unary unary) {
            calls.unary(unary);
        } else if (node instanceof CallNode call && CallCompiler.isPlainCall(call)) {
            calls.call(call);
        } else if (LiteralCompiler.handles(node)) {
            literals.value(node);
        } else {
            delegate(node);
        }
    }

    /** Emits code that runs the node for its effect only. */
    private void effect(EvalNode node) {
        if (node instanceof EvalNodes.Bind bind) {
            code.visitVarInsn(ALOAD, SLOTS_LOCAL);
            code.visitLdcInsn(bind.slot);
            value(bind.value);
            code.visitInsn(AASTORE);
        } else {
            value(node);
            code.visitInsn(POP);
        }
    }

    private void slot(int arrayLocal, int index) {
        code.visitVarInsn(ALOAD, arrayLocal);
        code.visitLdcInsn(index);
        code.visitInsn(AALOAD);
    }

    /** Runs a node the compiler does not write out: its eval, on a constant receiver the JIT can inline. */
    private void delegate(EvalNode node) {
        constant(node, typeOf(node));
        code.visitVarInsn(ALOAD, FRAME_LOCAL);
        JvmRefs.EVAL.invokeOn(code, typeOf(node));
    }

    private void ifValue(EvalNodes.If node) {
        Label otherwise = new Label();
        Label end = new Label();
        test(node.test, otherwise);
        value(node.then);
        code.visitJumpInsn(GOTO, end);
        code.visitLabel(otherwise);
        value(node.otherwise);
        code.visitLabel(end);
    }

    /** Emits a test that jumps to {@code whenFalse} if the node's value is nil or false, and falls through if not. */
    @Twin("truth test")
    private void test(EvalNode node, Label whenFalse) {
        value(node);
        int value = newLocal(1);
        code.visitVarInsn(ASTORE, value);
        code.visitVarInsn(ALOAD, value);
        code.visitJumpInsn(IFNULL, whenFalse);
        code.visitVarInsn(ALOAD, value);
        JvmRefs.FALSE.get(code);
        code.visitJumpInsn(IF_ACMPEQ, whenFalse);
    }

    @Twin("loop")
    private void loop(BindingNodes.Loop loop) {
        for (EvalNode binding : loop.init) {
            effect(binding);
        }
        if (loop.tokenSlot >= 0) {
            code.visitVarInsn(ALOAD, SLOTS_LOCAL);
            code.visitLdcInsn(loop.tokenSlot);
            JvmRefs.LOOP_OWNED.get(code);
            code.visitInsn(AASTORE);
        }
        Label start = new Label();
        Label done = new Label();
        int result = newLocal(1);
        code.visitLabel(start);
        value(loop.body);
        code.visitVarInsn(ASTORE, result);
        code.visitVarInsn(ALOAD, result);
        JvmRefs.RECUR.get(code);
        code.visitJumpInsn(IF_ACMPNE, done);
        constant(loop.budget, JvmRefs.BUDGET);
        code.visitLdcInsn((long) loop.weight);
        JvmRefs.STEPS.invoke(code);
        for (EvalNode binding : loop.unpack) {
            effect(binding);
        }
        code.visitJumpInsn(GOTO, start);
        code.visitLabel(done);
        code.visitVarInsn(ALOAD, result);
        JvmRefs.LOOP_RESULT.invoke(code);
    }

    @Twin("recur")
    private void recur(BindingNodes.RecurToLoop recur) {
        int n = recur.values.length;
        int[] temps = new int[n];
        for (int i = 0; i < n; i++) {
            value(recur.values[i]);
            temps[i] = newLocal(1);
            code.visitVarInsn(ASTORE, temps[i]);
        }
        for (int i = 0; i < n; i++) {
            code.visitVarInsn(ALOAD, SLOTS_LOCAL);
            code.visitLdcInsn(recur.slots[i]);
            code.visitVarInsn(ALOAD, temps[i]);
            code.visitInsn(AASTORE);
        }
        JvmRefs.RECUR.get(code);
    }
}
