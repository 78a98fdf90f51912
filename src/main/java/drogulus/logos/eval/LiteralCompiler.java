package drogulus.logos.eval;

import static drogulus.logos.eval.JvmRefs.OBJECT;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes out, for {@link BodyCompiler}, the nodes that build a value from computed parts: vector literals, map
 * literals whose keys are distinct constants, and the owned steps of a reducing function ({@link OwnedStep}).
 * Their parts are then compiled code like the rest of the body, instead of a tree the node walks on every call;
 * the parts are computed in the order the node computes them, and the value made by the same method.
 */
final class LiteralCompiler implements Opcodes {
    static final JvmRefs.MethodRef VECTOR_OF = JvmRefs.MethodRef.of(drogulus.logos.data.LVector.class, "of",
        Object[].class);
    static final JvmRefs.MethodRef MAP_OF = JvmRefs.MethodRef.of(drogulus.logos.data.LMap.class, "ofDistinctPairs",
        Object[].class);
    /** Maps of one to three entries, made without an array of their pairs (see {@code LMap.INLINE}). */
    private static final JvmRefs.MethodRef[] MAP_OF_INLINE = {
        JvmRefs.MethodRef.of(drogulus.logos.data.LMap.class, "ofDistinct", Object.class, Object.class),
        JvmRefs.MethodRef.of(drogulus.logos.data.LMap.class, "ofDistinct", Object.class, Object.class, Object.class,
            Object.class),
        JvmRefs.MethodRef.of(drogulus.logos.data.LMap.class, "ofDistinct", Object.class, Object.class, Object.class,
            Object.class, Object.class, Object.class),
    };
    static final JvmRefs.MethodRef STEP_FUNCTION = JvmRefs.MethodRef.of(OwnedStep.class, "function", Frame.class);
    static final JvmRefs.MethodRef STEP_RUN = JvmRefs.MethodRef.of(OwnedStep.class, "run", Frame.class,
        Object.class, Object[].class);
    static final JvmRefs.MethodRef STEP_RUN2 = JvmRefs.MethodRef.of(OwnedStep.class, "run2", Frame.class,
        Object.class, Object.class, Object.class);
    static final JvmRefs.MethodRef STEP_RUN3 = JvmRefs.MethodRef.of(OwnedStep.class, "run3", Frame.class,
        Object.class, Object.class, Object.class, Object.class);

    private final BodyCompiler compiler;
    private final MethodVisitor code;

    LiteralCompiler(BodyCompiler compiler, MethodVisitor code) {
        this.compiler = compiler;
        this.code = code;
    }

    /** Whether this class writes the node out. */
    static boolean handles(EvalNode node) {
        return node instanceof CollectionNodes.VectorOf
            || (node instanceof CollectionNodes.MapOf map && map.distinctConstantKeys)
            || node instanceof OwnedStep;
    }

    void value(EvalNode node) {
        if (node instanceof CollectionNodes.VectorOf vector) {
            array(vector.items);
            VECTOR_OF.invoke(code);
        } else if (node instanceof CollectionNodes.MapOf map) {
            EvalNode[] pairs = new EvalNode[2 * map.keys.length];
            for (int i = 0; i < map.keys.length; i++) {
                pairs[2 * i] = map.keys[i];
                pairs[2 * i + 1] = map.values[i];
            }
            if (map.keys.length >= 1 && map.keys.length <= MAP_OF_INLINE.length) {
                for (EvalNode item : pairs) {
                    compiler.value(item);
                }
                MAP_OF_INLINE[map.keys.length - 1].invoke(code);
            } else {
                array(pairs);
                MAP_OF.invoke(code);
            }
        } else {
            step((OwnedStep) node);
        }
    }

    /** The function first, then the arguments after the accumulator, as the call would read them. */
    private void step(OwnedStep step) {
        String type = BodyCompiler.typeOf(step);
        compiler.constant(step, type);
        code.visitVarInsn(ALOAD, BodyCompiler.FRAME_LOCAL);
        compiler.constant(step, type);
        code.visitVarInsn(ALOAD, BodyCompiler.FRAME_LOCAL);
        STEP_FUNCTION.invokeOn(code, type);
        EvalNode[] rest = step.rest();
        if (rest.length == 2 || rest.length == 3) {
            // The usual steps, (assoc acc k v) and (update acc k f x), without an array per call.
            for (EvalNode node : rest) {
                compiler.value(node);
            }
            (rest.length == 2 ? STEP_RUN2 : STEP_RUN3).invokeOn(code, type);
            return;
        }
        array(rest);
        STEP_RUN.invokeOn(code, type);
    }

    /** Pushes a new array of the nodes' values, computed in order. */
    private void array(EvalNode[] nodes) {
        code.visitLdcInsn(nodes.length);
        code.visitTypeInsn(ANEWARRAY, OBJECT);
        for (int i = 0; i < nodes.length; i++) {
            code.visitInsn(DUP);
            code.visitLdcInsn(i);
            compiler.value(nodes[i]);
            code.visitInsn(AASTORE);
        }
    }
}
