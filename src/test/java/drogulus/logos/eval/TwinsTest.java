package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule written twice has one half in the tree and one in the compiler (see {@link Twin}). */
class TwinsTest {
    private static final List<Class<?>> EMITTERS = List.of(BodyCompiler.class, CallCompiler.class,
        DirectCallCompiler.class);

    @Test
    void shouldHaveExactlyOneTreeHalfAndOneCompiledHalfOfEachTwin() throws IOException, ClassNotFoundException {
        Map<String, List<String>> tree = new TreeMap<>();
        Map<String, List<String>> compiled = new TreeMap<>();
        for (Class<?> type : evalClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                Twin twin = method.getAnnotation(Twin.class);
                if (twin != null) {
                    Map<String, List<String>> side = EMITTERS.contains(type) ? compiled : tree;
                    side.computeIfAbsent(twin.value(), k -> new ArrayList<>())
                        .add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(tree.size() >= 7, "twins found: " + tree);
        assertEquals(tree.keySet(), compiled.keySet(), "a twin without its other half");
        tree.forEach((name, halves) -> assertEquals(1, halves.size(), name + ": " + halves));
        compiled.forEach((name, halves) -> assertEquals(1, halves.size(), name + ": " + halves));
    }

    private static List<Class<?>> evalClasses() throws IOException, ClassNotFoundException {
        Path dir = Path.of("target/classes/drogulus/logos/eval");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString();
                out.add(Class.forName("drogulus.logos.eval." + name.substring(0, name.length() - ".class".length())));
            }
        }
        return out;
    }
}
