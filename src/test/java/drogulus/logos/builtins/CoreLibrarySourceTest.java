package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.LogosError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreLibrarySourceTest {
    @Test
    void shouldReadTheLibraryFromTheJarWithoutADirectory() {
        assertTrue(CoreLibrary.librarySource("core.logos", null).contains("(defmacro defn"));
    }

    @Test
    void shouldReadTheLibraryFromTheDirectoryWhenItHoldsTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("core.logos"), "(def from-the-directory 1) ; é", StandardCharsets.UTF_8);
        assertEquals("(def from-the-directory 1) ; é", CoreLibrary.librarySource("core.logos", dir.toString()));
    }

    @Test
    void shouldFallBackToTheJarWhenTheDirectoryLacksTheFile(@TempDir Path dir) {
        assertEquals(CoreLibrary.librarySource("test.logos", null),
            CoreLibrary.librarySource("test.logos", dir.toString()));
    }

    @Test
    void shouldSayWhichLibraryIsMissing() {
        LogosError e = assertThrows(LogosError.class, () -> CoreLibrary.librarySource("no-such.logos", null));
        assertTrue(e.getMessage().contains("/lib-logos/no-such.logos"), e.getMessage());
    }

    @Test
    void shouldMatchTheSourceTreeCopyTheLauncherReads() throws IOException {
        // The launcher reads lib-logos/ from the source tree and rebuilds the jar whenever that is newer.
        String tree = Files.readString(Path.of("lib-logos", "core.logos"), StandardCharsets.UTF_8);
        assertEquals(tree, CoreLibrary.librarySource("core.logos", "lib-logos"));
        assertEquals(tree, CoreLibrary.librarySource("core.logos", null));
    }
}
