package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * The ./drogulus launcher script, run as a shell would run it, over a stand-in project whose jar is up to date
 * (so it never builds): reached through a relative symbolic link on PATH it still finds its project, and it makes
 * its class-data archive again when the JDK it was made with is no longer the one running.
 */
@Timeout(120)
class LauncherTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L);
    /** The launcher names drogulus's main class itself (it runs the jar with -cp): LauncherEcho under that name. */
    private static final String MAIN = "drogulus.cli.Main";

    @TempDir
    Path tmp;

    @Test
    void linkedLauncherFindsItsProjectAndRemakesTheArchiveForAnotherJdk() throws Exception {
        Path project = standInProject();
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = bin.resolve("drogulus");
        Files.createSymbolicLink(link, Path.of("..", "project", "drogulus"));

        Run first = run(link, "hello", "world");
        assertEquals(0, first.status, first.err);
        assertEquals("hello world\n", first.out);
        assertFalse(first.err.contains("building"), first.err);
        Path archive = project.resolve("target/drogulus.jsa");
        Path madeWith = project.resolve("target/drogulus.jsa.java");
        assertTrue(Files.exists(archive), "no class-data archive: " + first.err);
        String java = Files.readString(madeWith, StandardCharsets.UTF_8).strip();
        assertTrue(java.endsWith("/bin/java"), java);

        Files.writeString(madeWith, "/some/other/jdk/bin/java\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(archive, Files.getLastModifiedTime(project.resolve("target/drogulus.jar")));
        FileTime before = Files.getLastModifiedTime(archive);
        Run second = run(link, "again");
        assertEquals("again\n", second.out, second.err);
        assertEquals(java, Files.readString(madeWith, StandardCharsets.UTF_8).strip());
        assertTrue(Files.getLastModifiedTime(archive).compareTo(before) > 0, "the archive was not made again");

        FileTime kept = Files.getLastModifiedTime(archive);
        assertEquals("third\n", run(link, "third").out);
        assertEquals(kept, Files.getLastModifiedTime(archive), "an up-to-date archive was made again");
    }

    /** A project directory with the real launcher and a jar, newer than every source, whose main echoes. */
    private Path standInProject() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path launcher = project.resolve("drogulus");
        Files.copy(Path.of("drogulus"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(project.resolve("pom.xml"), "<project/>", StandardCharsets.UTF_8);
        Path warmup = Files.createDirectories(project.resolve("src/main/launcher")).resolve("cds-warmup.logos");
        Files.writeString(warmup, "nil\n", StandardCharsets.UTF_8);
        Files.createDirectories(project.resolve("lib-logos"));
        for (Path p : List.of(project.resolve("pom.xml"), warmup, warmup.getParent(), project.resolve("src/main"),
            project.resolve("lib-logos"))) {
            Files.setLastModifiedTime(p, LONG_AGO);
        }
        Path jar = Files.createDirectories(project.resolve("target")).resolve("drogulus.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN);
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(MAIN.replace('.', '/') + ".class"));
            out.write(echoNamedMain());
            out.closeEntry();
        }
        return project;
    }

    /** LauncherEcho's class file, renamed to the main class the launcher starts. */
    private static byte[] echoNamedMain() throws IOException {
        String entry = "/" + LauncherEcho.class.getName().replace('.', '/') + ".class";
        try (InputStream in = LauncherEcho.class.getResourceAsStream(entry)) {
            ClassWriter writer = new ClassWriter(0);
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    super.visit(version, access, MAIN.replace('.', '/'), signature, superName, interfaces);
                }
            }, 0);
            return writer.toByteArray();
        }
    }

    private record Run(int status, String out, String err) {
    }

    private Run run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        builder.environment().remove("DROGULUS_JAVA_OPTS");
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher ran over 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }
}
