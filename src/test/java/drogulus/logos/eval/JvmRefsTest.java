package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import drogulus.logos.builtins.CoreLibrary;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class JvmRefsTest {
    @Test
    void shouldResolveEveryClassFieldAndMethodThatCompiledCodeUses() throws IllegalAccessException {
        int refs = 0;
        for (Field field : JvmRefs.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                assertNotNull(field.get(null), field.getName());
                refs++;
            }
        }
        assertEquals(true, refs > 30, "refs found: " + refs);
        assertEquals("drogulus/logos/eval/CallNode", JvmRefs.CALL);
        assertEquals("(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", JvmRefs.CALL1.descriptor());
    }

    @Test
    void shouldRefuseAMethodThatDoesNotExist() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> JvmRefs.MethodRef.of(CallNode.class, "call7", Object.class));
        assertEquals(true, e.getMessage().contains("call7"), e.getMessage());
    }

    @Test
    void shouldCompileAHotBodyWithoutFailures() {
        long before = HotCode.failures();
        long compiled = HotCode.compiled();
        Interp interp = CoreLibrary.standard();
        int saved = HotCode.compileAfter();
        HotCode.setCompileAfter(1);
        try {
            assertEquals(16L, interp.evalString("(defn sq [x] (if (> x 0) (* x x) 0)) (sq 3) (sq 4)", "<test>"));
        } finally {
            HotCode.setCompileAfter(saved);
        }
        assertEquals(before, HotCode.failures());
        assertEquals(true, HotCode.compiled() > compiled, "the body was not compiled");
    }
}
