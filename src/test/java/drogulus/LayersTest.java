package drogulus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers DESIGN.md draws, checked on the sources: each package names only the packages below it, Netty appears
 * only in {@code net}, JLine only in {@code repl}, ASM only in the evaluator.
 */
class LayersTest {
    private static final Path MAIN = Path.of("src/main/java/drogulus");
    private static final Pattern REFERENCE = Pattern.compile(
        "\\b(drogulus(?:\\.[a-z]+)*)\\.[A-Z]|\\b(io\\.netty|org\\.jline|org\\.objectweb\\.asm)\\.");

    /**
     * Each package and the drogulus packages it may name; the root package holds the seed's constants. Only the
     * command line, at the top, may name everything; a package missing here fails the test until it is placed.
     */
    private static final Map<String, List<String>> ALLOWED = Map.of(
        "drogulus.logos.data", List.of(),
        "drogulus.logos.read", List.of("drogulus.logos.data"),
        "drogulus.logos.eval", List.of("drogulus.logos.data", "drogulus.logos.read"),
        "drogulus.logos.builtins", List.of("drogulus.logos.data", "drogulus.logos.read", "drogulus.logos.eval"),
        "drogulus.crypto", List.of("drogulus", "drogulus.logos.data"),
        "drogulus.dht", List.of("drogulus", "drogulus.logos.data", "drogulus.crypto"),
        "drogulus.net", List.of("drogulus", "drogulus.logos.data", "drogulus.crypto", "drogulus.dht"),
        "drogulus.bindings", List.of("drogulus", "drogulus.logos.data", "drogulus.logos.read", "drogulus.logos.eval",
            "drogulus.logos.builtins", "drogulus.crypto", "drogulus.dht", "drogulus.net"),
        "drogulus.repl", List.of("drogulus", "drogulus.logos.data", "drogulus.logos.read", "drogulus.logos.eval",
            "drogulus.logos.builtins", "drogulus.crypto", "drogulus.dht", "drogulus.net", "drogulus.bindings"));

    private static final Map<String, String> LIBRARY_HOME = Map.of(
        "io.netty", "drogulus.net", "org.jline", "drogulus.repl", "org.objectweb.asm", "drogulus.logos.eval");

    @Test
    void shouldNameOnlyTheLayersBelowAndKeepLibrariesInTheirOwnPackage() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                violations.addAll(check(file));
            }
        }
        assertTrue(files > 100, "found only " + files + " sources under " + MAIN);
        assertEquals(List.of(), violations);
    }

    @Test
    void shouldCatchAReferenceUpwards() {
        assertEquals(List.of("drogulus.dht names drogulus.logos.eval"),
            violations("drogulus.dht", "import drogulus.logos.eval.Interp;\nclass X {}"));
        assertEquals(List.of("drogulus.crypto names io.netty"),
            violations("drogulus.crypto", "class X { io.netty.buffer.ByteBuf b; }"));
    }

    private static List<String> check(Path file) throws IOException {
        String source = Files.readString(file);
        Matcher pkg = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(source);
        assertTrue(pkg.find(), "no package line in " + file);
        return violations(pkg.group(1), source.substring(pkg.end())).stream().map(v -> file + ": " + v).toList();
    }

    private static List<String> violations(String pkg, String code) {
        String withoutComments = code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        List<String> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(withoutComments);
        while (m.find()) {
            String named = m.group(1) != null ? m.group(1) : m.group(2);
            boolean ok;
            if (m.group(2) != null) {
                ok = pkg.equals(LIBRARY_HOME.get(named));
            } else {
                List<String> allowed = ALLOWED.get(pkg);
                ok = named.equals(pkg) || pkg.equals("drogulus.cli") || (allowed != null && allowed.contains(named));
            }
            String violation = pkg + " names " + named;
            if (!ok && !out.contains(violation)) {
                out.add(violation);
            }
        }
        return out;
    }
}
