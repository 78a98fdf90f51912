package drogulus.logos.eval;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The classes, fields and methods that compiled bodies use, found from the classes themselves when this class is
 * loaded. Renaming or retyping one of them makes every compilation fail at once, which {@link HotCode} counts and
 * the tests check, instead of writing bytecode that calls something no longer there.
 */
final class JvmRefs {
    static final String OBJECT = Type.getInternalName(Object.class);
    static final String OBJ = Type.getDescriptor(Object.class);
    static final String OBJECTS = Type.getDescriptor(Object[].class);
    static final String BOXED_LONG = Type.getInternalName(Long.class);
    static final String FRAME = Type.getInternalName(Frame.class);
    static final String COMPILED_CODE = Type.getInternalName(CompiledCode.class);
    static final String CALL = Type.getInternalName(CallNode.class);
    static final String BUDGET = Type.getInternalName(Budget.class);
    static final String ARITY = Type.getInternalName(Arity.class);
    static final String CLOSURE = Type.getInternalName(Closure.class);
    static final String THROWABLE = Type.getInternalName(Throwable.class);
    static final String BUILTIN = Type.getInternalName(Builtin.class);
    static final String BODY1 = Type.getInternalName(Builtin.Body1.class);
    static final String BODY2 = Type.getInternalName(Builtin.Body2.class);
    /** The compiled class is a hidden class beside {@link CompiledCode}, so it may use package members. */
    static final String COMPILED_BODY = COMPILED_CODE.substring(0, COMPILED_CODE.lastIndexOf('/') + 1)
        + "CompiledBody";

    static final FieldRef FRAME_SLOTS = FieldRef.of(Frame.class, "slots");
    static final FieldRef FRAME_CAPTURED = FieldRef.of(Frame.class, "captured");
    static final FieldRef FRAME_SELF = FieldRef.of(Frame.class, "self");
    static final FieldRef CLOSURE_ARITIES = FieldRef.of(Closure.class, "arities");
    static final FieldRef ARITY_COMPILED = FieldRef.of(Arity.class, "compiled");
    static final FieldRef RECUR = FieldRef.of(BindingNodes.class, "RECUR");
    static final FieldRef LOOP_OWNED = FieldRef.of(BindingNodes.Loop.class, "OWNED");
    static final FieldRef TRUE = FieldRef.of(Boolean.class, "TRUE");
    static final FieldRef FALSE = FieldRef.of(Boolean.class, "FALSE");

    static final MethodRef COMPILED_CODE_INIT = MethodRef.constructor(CompiledCode.class);
    static final MethodRef RUN = MethodRef.of(CompiledCode.class, "run", Frame.class);
    static final MethodRef EVAL = MethodRef.of(EvalNode.class, "eval", Frame.class);
    static final MethodRef LOOP_RESULT = MethodRef.of(BindingNodes.Loop.class, "result", Object.class);
    static final MethodRef STEPS = MethodRef.of(Budget.class, "steps", long.class);
    static final MethodRef ARITY_FRAME = MethodRef.of(Arity.class, "frame", Object[].class, Closure.class);
    static final MethodRef FUNCTION = MethodRef.of(CallNode.class, "function", Frame.class);
    static final MethodRef TARGET = MethodRef.of(IntrinsicCalls.Intrinsified.class, "target", Frame.class);
    static final MethodRef CALL1 = MethodRef.of(CallNode.class, "call1", Object.class, Object.class);
    static final MethodRef CALL2 = MethodRef.of(CallNode.class, "call2", Object.class, Object.class, Object.class);
    static final MethodRef KEYWORD1 = MethodRef.of(CallNode.class, "keyword1", Object.class, Object.class);
    static final MethodRef KEYWORD2 = MethodRef.of(CallNode.class, "keyword2", Object.class, Object.class,
        Object.class);
    static final MethodRef CALL_N = MethodRef.of(CallNode.class, "call", Object.class, Object[].class);
    static final MethodRef DIRECT_ENTER = MethodRef.of(DirectCalls.class, "enter", CallNode.class, Object.class,
        Object[].class);
    static final MethodRef DIRECT_LEAVE = MethodRef.of(DirectCalls.class, "leave", CallNode.class, Object.class,
        Object.class);
    static final MethodRef DIRECT_FAILED = MethodRef.of(DirectCalls.class, "failed", CallNode.class, Object.class,
        Throwable.class);
    static final MethodRef APPLY_ONE = MethodRef.of(CallNode.class, "applyOne", Builtin.Body1.class,
        Builtin.class, Object.class);
    static final MethodRef APPLY_TWO = MethodRef.of(CallNode.class, "applyTwo", Builtin.Body2.class,
        Builtin.class, Object.class, Object.class);
    static final MethodRef LONG_VALUE = MethodRef.of(Long.class, "longValue");
    static final MethodRef LONG_VALUE_OF = MethodRef.of(Long.class, "valueOf", long.class);
    static final MethodRef LOOKUP = MethodRef.of(MethodHandles.class, "lookup");
    static final MethodRef CLASS_DATA = MethodRef.of(MethodHandles.class, "classData",
        MethodHandles.Lookup.class, String.class, Class.class);

    private JvmRefs() {
    }

    /** A field as bytecode names it. */
    record FieldRef(String owner, String name, String descriptor, int getOpcode) {
        static FieldRef of(Class<?> owner, String name) {
            for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.getName().equals(name)) {
                        return new FieldRef(Type.getInternalName(c), name, Type.getDescriptor(field.getType()),
                            Modifier.isStatic(field.getModifiers()) ? Opcodes.GETSTATIC : Opcodes.GETFIELD);
                    }
                }
            }
            throw new IllegalStateException("compiled code uses " + owner.getName() + "." + name
                + ", which does not exist");
        }

        void get(MethodVisitor code) {
            code.visitFieldInsn(getOpcode, owner, name, descriptor);
        }
    }

    /** A method or constructor as bytecode names it, and how to call it. */
    record MethodRef(String owner, String name, String descriptor, int opcode) {
        static MethodRef of(Class<?> owner, String name, Class<?>... parameters) {
            for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (method.getName().equals(name) && Arrays.equals(method.getParameterTypes(), parameters)) {
                        int opcode = Modifier.isStatic(method.getModifiers()) ? Opcodes.INVOKESTATIC
                            : Opcodes.INVOKEVIRTUAL;
                        return new MethodRef(Type.getInternalName(c), name, Type.getMethodDescriptor(method), opcode);
                    }
                }
            }
            throw new IllegalStateException("compiled code calls " + owner.getName() + "." + name
                + Arrays.toString(parameters) + ", which does not exist");
        }

        static MethodRef constructor(Class<?> owner, Class<?>... parameters) {
            try {
                return new MethodRef(Type.getInternalName(owner), "<init>",
                    Type.getConstructorDescriptor(owner.getDeclaredConstructor(parameters)), Opcodes.INVOKESPECIAL);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("compiled code needs a constructor of " + owner.getName(), e);
            }
        }

        void invoke(MethodVisitor code) {
            code.visitMethodInsn(opcode, owner, name, descriptor, false);
        }

        /** Calls the method on a receiver typed as {@code receiver}, a subclass of its owner. */
        void invokeOn(MethodVisitor code, String receiver) {
            code.visitMethodInsn(opcode, receiver, name, descriptor, false);
        }
    }
}
