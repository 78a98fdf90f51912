package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script reached through a symbolic link (a tool linked into ~/bin) requires the libraries beside its file. */
class ScriptLinkTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadNamespacesFromTheLinkedScriptsOwnDirectory() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("my"));
        Files.writeString(project.resolve("my/lib.logos"), "(ns my.lib)\n(defn greet [n] (str \"Hello, \" n))\n");
        Path script = Files.writeString(project.resolve("tool"), "#!/usr/bin/env drogulus\n"
            + "(ns tool (:require [my.lib :as m]))\n(println (m/greet (first *command-line-args*)))\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("tool"), Path.of("../project/tool"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Scripts.run(new RunArgs(List.of(link.toString()), List.of("you"), false),
            InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertEquals("Hello, you\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(project.toRealPath(), Scripts.scriptDirectory(link));
        assertEquals(script.toRealPath().getParent(), Scripts.scriptDirectory(script));
    }
}
