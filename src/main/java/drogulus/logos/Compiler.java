package drogulus.logos;

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
 * inline. The class does what the nodes do, in the same order: control forms, locals, loops and the calls
 * of {@link CallNode} and {@link IntrinsicCalls} are written out; every other node is called through its own
 * {@code eval}, held in a constant. Errors, tail calls, budgets and stack frames all go through the same
 * node methods as in the tree, so compiled and interpreted code cannot disagree on them.
 */
final class Compiler implements Opcodes {
    private static final String FRAME = "drogulus/logos/Frame";
    private static final String CALL = "drogulus/logos/CallNode";
    private static final String OBJECT = "java/lang/Object";
    private static final String OBJ = "Ljava/lang/Object;";
    private static final String OBJECTS = "[Ljava/lang/Object;";
    private static final String LONG = "java/lang/Long";
    private static final String BOOLEAN = "java/lang/Boolean";
    private static final int FRAME_LOCAL = 1;
    private static final int SLOTS_LOCAL = 2;
    private static final int CAPTURED_LOCAL = 3;

    /** Calls of a body before it is compiled; 0 or less never compiles. Tests set it to 1 to compile everything. */
    private static int compileAfter = Integer.getInteger("drogulus.compileAfter", 1000);

    /**
     * HotSpot never compiles a method of over 8000 bytes of bytecode, and a body the JVM interprets is slower
     * than its tree compiled by the JIT.
     */
    private static final int MAX_CODE_BYTES = 8000;
    private static final long BYTES_PER_CLASS_BYTE = 8;

    private final ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
        @Override
        protected String getCommonSuperClass(String first, String second) {
            // Only values of type Object meet where branches join; loading classes here is neither needed nor safe.
            return OBJECT;
        }
    };
    private final String className;
    private final List<Object> constants = new ArrayList<>();
    private final List<String> constantTypes = new ArrayList<>();
    private final IdentityHashMap<Object, Integer> constantIndex = new IdentityHashMap<>();
    private MethodVisitor code;
    private int nextLocal = CAPTURED_LOCAL + 1;

    private Compiler(String className) {
        this.className = className;
    }

    static int compileAfter() {
        return compileAfter;
    }

    static void setCompileAfter(int calls) {
        compileAfter = calls;
    }

    /**
     * The body compiled, or null if it cannot be: the caller then goes on running the tree. The class is
     * charged to the budget, so code in a sandbox cannot fill the JVM with classes; that limit is the one
     * error that leaves this method.
     */
    static CompiledCode compile(Node body, Budget budget) {
        try {
            return compileOrThrow(body, budget);
        } catch (LimitExceeded e) {
            throw e;
        } catch (Throwable e) {
            // A body the compiler cannot express (or a bug in it) must never stop the program: the tree still runs.
            return null;
        }
    }

    /** The body compiled; what went wrong if it cannot be. */
    static CompiledCode compileOrThrow(Node body, Budget budget) throws Throwable {
        Compiler compiler = new Compiler("drogulus/logos/CompiledBody");
        byte[] bytes = compiler.classFile(body);
        // The class, its constants and the machine code the JIT makes of it: a few times the class file.
        budget.allocate(BYTES_PER_CLASS_BYTE * bytes.length);
        MethodHandles.Lookup lookup = MethodHandles.lookup()
            .defineHiddenClassWithClassData(bytes, compiler.constants.toArray(), true);
        return (CompiledCode) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
            .invoke();
    }

    private byte[] classFile(Node body) {
        writer.visit(V17, ACC_FINAL | ACC_SUPER, className, null, OBJECT,
            new String[] {"drogulus/logos/CompiledCode"});
        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        code = new Counting(writer.visitMethod(ACC_PUBLIC, "run", "(L" + FRAME + ";)" + OBJ, null, null));
        code.visitCode();
        code.visitVarInsn(ALOAD, FRAME_LOCAL);
        code.visitFieldInsn(GETFIELD, FRAME, "slots", OBJECTS);
        code.visitVarInsn(ASTORE, SLOTS_LOCAL);
        code.visitVarInsn(ALOAD, FRAME_LOCAL);
        code.visitFieldInsn(GETFIELD, FRAME, "captured", OBJECTS);
        code.visitVarInsn(ASTORE, CAPTURED_LOCAL);
        value(body);
        code.visitInsn(ARETURN);
        if (((Counting) code).bytes > MAX_CODE_BYTES) {
            throw new IllegalStateException("body too large for the JIT to compile");
        }
        code.visitMaxs(0, 0);
        code.visitEnd();

        writeConstants();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Bounds the size of the code written (three bytes an instruction, four for a wide local), for the JIT. */
    private static final class Counting extends MethodVisitor {
        private int bytes;

        Counting(MethodVisitor target) {
            super(ASM9, target);
        }

        @Override
        public void visitInsn(int opcode) {
            bytes += 3;
            super.visitInsn(opcode);
        }

        @Override
        public void visitVarInsn(int opcode, int local) {
            bytes += local > 255 ? 4 : 3;
            super.visitVarInsn(opcode, local);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            bytes += 3;
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            bytes += 3;
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            bytes += 3;
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            bytes += 3;
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            bytes += 3;
            super.visitLdcInsn(value);
        }
    }

    /** Static final fields for the constants, set from the class data: the JIT folds them like literals. */
    private void writeConstants() {
        MethodVisitor clinit = writer.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
            "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        clinit.visitLdcInsn("_");
        clinit.visitLdcInsn(Type.getType(OBJECTS));
        clinit.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)" + OBJ, false);
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
    private void constant(Object value, String type) {
        Integer index = constantIndex.get(value);
        if (index == null || !constantTypes.get(index).equals(type)) {
            index = constants.size();
            constants.add(value);
            constantTypes.add(type);
            constantIndex.put(value, index);
        }
        code.visitFieldInsn(GETSTATIC, className, "k" + index, "L" + type + ";");
    }

    private static String typeOf(Node node) {
        return Type.getInternalName(node.getClass());
    }

    private int newLocal(int width) {
        int local = nextLocal;
        nextLocal += width;
        return local;
    }

    /** Emits code that leaves the node's value on the stack. */
    private void value(Node node) {
        if (node instanceof Nodes.Constant constant) {
            Object v = constant.eval(null);
            if (v == null) {
                code.visitInsn(ACONST_NULL);
            } else {
                constant(v, OBJECT);
            }
        } else if (node instanceof Nodes.Local local) {
            slot(SLOTS_LOCAL, local.slot);
        } else if (node instanceof Nodes.Captured captured) {
            slot(CAPTURED_LOCAL, captured.index);
        } else if (node instanceof Nodes.If ifNode) {
            ifValue(ifNode);
        } else if (node instanceof Nodes.Do doNode) {
            for (int i = 0; i < doNode.body.length - 1; i++) {
                effect(doNode.body[i]);
            }
            value(doNode.body[doNode.body.length - 1]);
        } else if (node instanceof BindingNodes.Let let) {
            for (Node binding : let.bindings) {
                effect(binding);
            }
            value(let.body);
        } else if (node instanceof BindingNodes.Loop loop) {
            loop(loop);
        } else if (node instanceof BindingNodes.RecurToLoop recur) {
            recur(recur);
        } else if (node instanceof IntrinsicCalls.Binary binary) {
            binary(binary);
        } else if (node instanceof IntrinsicCalls.Unary unary) {
            unary(unary);
        } else if (node instanceof CallNode call && isPlainCall(call)) {
            call(call);
        } else {
            delegate(node);
        }
    }

    /** Emits code that runs the node for its effect only. */
    private void effect(Node node) {
        if (node instanceof Nodes.Bind bind) {
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
    private void delegate(Node node) {
        constant(node, typeOf(node));
        code.visitVarInsn(ALOAD, FRAME_LOCAL);
        code.visitMethodInsn(INVOKEVIRTUAL, typeOf(node), "eval", "(L" + FRAME + ";)" + OBJ, false);
    }

    private void ifValue(Nodes.If node) {
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
    private void test(Node node, Label whenFalse) {
        value(node);
        code.visitInsn(DUP);
        Label isNil = new Label();
        code.visitJumpInsn(IFNULL, isNil);
        code.visitFieldInsn(GETSTATIC, BOOLEAN, "FALSE", "L" + BOOLEAN + ";");
        code.visitJumpInsn(IF_ACMPEQ, whenFalse);
        Label truthy = new Label();
        code.visitJumpInsn(GOTO, truthy);
        code.visitLabel(isNil);
        code.visitInsn(POP);
        code.visitJumpInsn(GOTO, whenFalse);
        code.visitLabel(truthy);
    }

    private void loop(BindingNodes.Loop loop) {
        for (Node binding : loop.init) {
            effect(binding);
        }
        if (loop.tokenSlot >= 0) {
            code.visitVarInsn(ALOAD, SLOTS_LOCAL);
            code.visitLdcInsn(loop.tokenSlot);
            code.visitFieldInsn(GETSTATIC, "drogulus/logos/BindingNodes$Loop", "OWNED", OBJ);
            code.visitInsn(AASTORE);
        }
        Label start = new Label();
        Label done = new Label();
        int result = newLocal(1);
        code.visitLabel(start);
        value(loop.body);
        code.visitVarInsn(ASTORE, result);
        code.visitVarInsn(ALOAD, result);
        code.visitFieldInsn(GETSTATIC, "drogulus/logos/BindingNodes", "RECUR", OBJ);
        code.visitJumpInsn(IF_ACMPNE, done);
        constant(loop.budget, "drogulus/logos/Budget");
        code.visitLdcInsn((long) loop.weight);
        code.visitMethodInsn(INVOKEVIRTUAL, "drogulus/logos/Budget", "steps", "(J)V", false);
        for (Node binding : loop.unpack) {
            effect(binding);
        }
        code.visitJumpInsn(GOTO, start);
        code.visitLabel(done);
        code.visitVarInsn(ALOAD, result);
        code.visitMethodInsn(INVOKESTATIC, "drogulus/logos/BindingNodes$Loop", "result", "(" + OBJ + ")" + OBJ,
            false);
    }

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
        code.visitFieldInsn(GETSTATIC, "drogulus/logos/BindingNodes", "RECUR", OBJ);
    }

    private static boolean isPlainCall(CallNode call) {
        Class<?> type = call.getClass();
        return type == CallNode.class || type == CallNode.Call1.class || type == CallNode.Call2.class;
    }

    /** Pushes the call node, then the function it calls, read as the node reads it. */
    private void receiverAndFunction(CallNode call) {
        String type = typeOf(call);
        constant(call, type);
        if (call.cell != null) {
            constant(call, type);
            code.visitVarInsn(ALOAD, FRAME_LOCAL);
            code.visitMethodInsn(INVOKEVIRTUAL, CALL, "function", "(L" + FRAME + ";)" + OBJ, false);
        } else {
            value(call.fn);
        }
    }

    /** The built-in a call's global holds now, if it has the fast path for this many arguments; else null. */
    private static Builtin knownBuiltin(CallNode call, int args) {
        if (call.cell == null || !call.cell.isBound() || !(call.cell.get() instanceof Builtin builtin)) {
            return null;
        }
        return (args == 1 && builtin.one != null) || (args == 2 && builtin.two != null) ? builtin : null;
    }

    private void call(CallNode call) {
        int count = call.args().length;
        Builtin known = knownBuiltin(call, count);
        if (known != null) {
            builtinCall(call, known);
            return;
        }
        receiverAndFunction(call);
        if (call instanceof CallNode.Call1 one) {
            value(one.arg);
            code.visitMethodInsn(INVOKEVIRTUAL, CALL, "call1", "(" + OBJ + OBJ + ")" + OBJ, false);
        } else if (call instanceof CallNode.Call2 two) {
            value(two.first);
            value(two.second);
            code.visitMethodInsn(INVOKEVIRTUAL, CALL, "call2", "(" + OBJ + OBJ + OBJ + ")" + OBJ, false);
        } else {
            Node[] args = call.args();
            code.visitLdcInsn(args.length);
            code.visitTypeInsn(ANEWARRAY, OBJECT);
            for (int i = 0; i < args.length; i++) {
                code.visitInsn(DUP);
                code.visitLdcInsn(i);
                value(args[i]);
                code.visitInsn(AASTORE);
            }
            code.visitMethodInsn(INVOKEVIRTUAL, CALL, "call", "(" + OBJ + OBJECTS + ")" + OBJ, false);
        }
    }

    /**
     * A call of a global that holds a built-in with a fast path: while it still holds that built-in, the fast
     * path is called as a constant, which the JIT can inline; otherwise the ordinary call.
     */
    private void builtinCall(CallNode call, Builtin builtin) {
        String type = typeOf(call);
        int function = functionLocal(call, CALL, "function");
        Node[] args = call.args();
        int[] locals = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            value(args[i]);
            locals[i] = newLocal(1);
            code.visitVarInsn(ASTORE, locals[i]);
        }
        Label slow = new Label();
        Label end = new Label();
        guard(function, builtin, slow);
        constant(call, type);
        if (args.length == 1) {
            constant(builtin.one, "drogulus/logos/Builtin$Body1");
        } else {
            constant(builtin.two, "drogulus/logos/Builtin$Body2");
        }
        constant(builtin, "drogulus/logos/Builtin");
        for (int local : locals) {
            code.visitVarInsn(ALOAD, local);
        }
        if (args.length == 1) {
            code.visitMethodInsn(INVOKEVIRTUAL, CALL, "applyOne",
                "(Ldrogulus/logos/Builtin$Body1;Ldrogulus/logos/Builtin;" + OBJ + ")" + OBJ, false);
        } else {
            code.visitMethodInsn(INVOKEVIRTUAL, CALL, "applyTwo",
                "(Ldrogulus/logos/Builtin$Body2;Ldrogulus/logos/Builtin;" + OBJ + OBJ + ")" + OBJ, false);
        }
        code.visitJumpInsn(GOTO, end);
        slowCall(call, slow, function, locals);
        code.visitLabel(end);
    }

    /** At {@code slow}: the ordinary call of one or two arguments, from the locals that hold them. */
    private void slowCall(CallNode call, Label slow, int function, int... args) {
        code.visitLabel(slow);
        constant(call, typeOf(call));
        code.visitVarInsn(ALOAD, function);
        for (int local : args) {
            code.visitVarInsn(ALOAD, local);
        }
        if (args.length == 1) {
            code.visitMethodInsn(INVOKEVIRTUAL, CALL, "call1", "(" + OBJ + OBJ + ")" + OBJ, false);
        } else {
            code.visitMethodInsn(INVOKEVIRTUAL, CALL, "call2", "(" + OBJ + OBJ + OBJ + ")" + OBJ, false);
        }
    }

    /** Stores the function a call calls, read by the node's own method (so with its errors), in a new local. */
    private int functionLocal(CallNode node, String owner, String method) {
        constant(node, typeOf(node));
        code.visitVarInsn(ALOAD, FRAME_LOCAL);
        code.visitMethodInsn(INVOKEVIRTUAL, owner, method, "(L" + FRAME + ";)" + OBJ, false);
        int local = newLocal(1);
        code.visitVarInsn(ASTORE, local);
        return local;
    }

    /** Jumps to {@code slow} unless the local holds the built-in and the operand locals hold longs. */
    private void guard(int function, Builtin builtin, Label slow, int... operands) {
        code.visitVarInsn(ALOAD, function);
        constant(builtin, "drogulus/logos/Builtin");
        code.visitJumpInsn(IF_ACMPNE, slow);
        for (int operand : operands) {
            code.visitVarInsn(ALOAD, operand);
            code.visitTypeInsn(INSTANCEOF, LONG);
            code.visitJumpInsn(IFEQ, slow);
        }
    }

    private void unboxed(int local) {
        code.visitVarInsn(ALOAD, local);
        code.visitTypeInsn(CHECKCAST, LONG);
        code.visitMethodInsn(INVOKEVIRTUAL, LONG, "longValue", "()J", false);
    }

    private void boxLong() {
        code.visitMethodInsn(INVOKESTATIC, LONG, "valueOf", "(J)L" + LONG + ";", false);
    }

    private void boolean1(int jumpWhenFalse) {
        Label no = new Label();
        Label end = new Label();
        code.visitJumpInsn(jumpWhenFalse, no);
        code.visitFieldInsn(GETSTATIC, BOOLEAN, "TRUE", "L" + BOOLEAN + ";");
        code.visitJumpInsn(GOTO, end);
        code.visitLabel(no);
        code.visitFieldInsn(GETSTATIC, BOOLEAN, "FALSE", "L" + BOOLEAN + ";");
        code.visitLabel(end);
    }

    private void binary(IntrinsicCalls.Binary node) {
        int function = functionLocal(node, typeOf(node), "target");
        value(node.first);
        int a = newLocal(1);
        code.visitVarInsn(ASTORE, a);
        value(node.second);
        int b = newLocal(1);
        code.visitVarInsn(ASTORE, b);
        Label slow = new Label();
        Label end = new Label();
        guard(function, node.builtin, slow, a, b);
        unboxed(a);
        unboxed(b);
        switch (node.op) {
            case ADD, SUBTRACT -> {
                // Overflow test of Math.addExact and subtractExact: the signs of operands and result.
                int x = newLocal(2);
                int y = newLocal(2);
                int r = newLocal(2);
                code.visitVarInsn(LSTORE, y);
                code.visitVarInsn(LSTORE, x);
                code.visitVarInsn(LLOAD, x);
                code.visitVarInsn(LLOAD, y);
                code.visitInsn(node.op == Intrinsic.ADD ? LADD : LSUB);
                code.visitVarInsn(LSTORE, r);
                code.visitVarInsn(LLOAD, x);
                code.visitVarInsn(LLOAD, node.op == Intrinsic.ADD ? r : y);
                code.visitInsn(LXOR);
                code.visitVarInsn(LLOAD, node.op == Intrinsic.ADD ? y : x);
                code.visitVarInsn(LLOAD, r);
                code.visitInsn(LXOR);
                code.visitInsn(LAND);
                code.visitInsn(LCONST_0);
                code.visitInsn(LCMP);
                code.visitJumpInsn(IFLT, slow);
                code.visitVarInsn(LLOAD, r);
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

    private void compareLongs(int jumpWhenFalse) {
        code.visitInsn(LCMP);
        boolean1(jumpWhenFalse);
    }

    private void unary(IntrinsicCalls.Unary node) {
        int function = functionLocal(node, typeOf(node), "target");
        value(node.arg);
        int a = newLocal(1);
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
            code.visitFieldInsn(GETSTATIC, BOOLEAN, "FALSE", "L" + BOOLEAN + ";");
            code.visitJumpInsn(IF_ACMPNE, truthy);
            code.visitLabel(falsy);
            code.visitFieldInsn(GETSTATIC, BOOLEAN, "TRUE", "L" + BOOLEAN + ";");
            code.visitJumpInsn(GOTO, end);
            code.visitLabel(truthy);
            code.visitFieldInsn(GETSTATIC, BOOLEAN, "FALSE", "L" + BOOLEAN + ";");
            code.visitJumpInsn(GOTO, end);
        } else {
            guard(function, node.builtin, slow, a);
            unboxed(a);
            int x = newLocal(2);
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
