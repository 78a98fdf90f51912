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
import java.util.Map;
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
 * (so it never builds): reached through a relative symbolic link on PATH it still finds its project, it makes its
 * class-data archive (or, on JDK 25 and later, its ahead-of-time cache) again when the JDK it was made with is no
 * longer the one running, and it runs on the newest JDK it can see unless DROGULUS_JAVA names one.
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
        String name = Runtime.version().feature() >= 25 ? "target/drogulus.aot" : "target/drogulus.jsa";
        Path archive = project.resolve(name);
        Path madeWith = project.resolve(name + ".java");
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

    @Test
    void runsOnTheNewestJdkItSeesWithItsAheadOfTimeCache() throws Exception {
        Path project = standInProject();
        Path log = tmp.resolve("fake-java.log");
        Path newest = fakeJdk("jdk-newest", "99.0.1", log);
        Run run = run(project.resolve("drogulus"), Map.of("JAVA_HOME", newest.toString()), "x", "y");
        assertEquals(0, run.status, run.err);
        List<String> calls = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).contains("-XX:AOTCacheOutput="), "the cache was not made: " + calls.get(0));
        assertTrue(calls.get(0).contains("cds-warmup.logos"), calls.get(0));
        String last = calls.get(1);
        assertTrue(last.contains("-XX:AOTCache=" + project.resolve("target/drogulus.aot")), last);
        assertTrue(last.contains("--enable-native-access=ALL-UNNAMED"), last);
        assertEquals(hugePagesOnRequest(), last.contains(" -XX:+UseTransparentHugePages "), last);
        assertEquals(hugePagesOnRequest(), calls.get(0).contains(" -XX:+UseTransparentHugePages "), calls.get(0));
        assertTrue(last.endsWith("drogulus.cli.Main x y"), last);
        assertEquals(newest.resolve("bin/java").toString(),
            Files.readString(project.resolve("target/drogulus.aot.java"), StandardCharsets.UTF_8).strip());

        run(project.resolve("drogulus"), Map.of("JAVA_HOME", newest.toString()), "z");
        List<String> again = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(3, again.size(), "an up-to-date cache was made again: " + again);
    }

    @Test
    void buildsWhenASourceDeepInTheTreeOrAHiddenLibraryFileIsNewerThanTheJar() throws Exception {
        Path project = standInProject();
        Path jar = project.resolve("target/drogulus.jar");
        Path source = Files.createDirectories(project.resolve("src/main/java/deep/er")).resolve("New.java");
        Files.writeString(source, "class New {}\n", StandardCharsets.UTF_8);
        for (Path p : List.of(source, source.getParent(), source.getParent().getParent(),
            project.resolve("src/main/java"), project.resolve("src/main"))) {
            Files.setLastModifiedTime(p, LONG_AGO);
        }
        // A stand-in for mvn, first on PATH, that fails the build: the launcher then says so and stops.
        Path bin = Files.createDirectories(tmp.resolve("fake-mvn"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\nexit 1\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "DROGULUS_JAVA",
            Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Run fresh = run(project.resolve("drogulus"), env, "a");
        assertEquals(0, fresh.status, "built with nothing newer: " + fresh.err);

        FileTime later = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000);
        Files.setLastModifiedTime(source, later);
        Run run = run(project.resolve("drogulus"), env, "b");
        assertEquals(1, run.status, run.err);
        assertTrue(run.err.contains("drogulus: building"), "a newer source did not build: " + run.err);
        Files.setLastModifiedTime(source, LONG_AGO);

        Path hidden = project.resolve("lib-logos/.draft.logos");
        Files.writeString(hidden, "nil\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(hidden, later);
        Files.setLastModifiedTime(project.resolve("lib-logos"), LONG_AGO);
        assertTrue(run(project.resolve("drogulus"), env, "c").err.contains("drogulus: building"), "a newer library "
            + "file did not build");
    }

    @Test
    void aJdkThatCannotMakeTheCacheIsNotAskedAgainUntilTheJarChanges() throws Exception {
        Path project = standInProject();
        Path log = tmp.resolve("fake-java.log");
        Path jdk = fakeJdk("jdk-failing", "99", log, false);
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());
        assertEquals(0, run(project.resolve("drogulus"), env, "a").status);
        assertEquals(0, run(project.resolve("drogulus"), env, "b").status);
        List<String> calls = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(3, calls.size(), "a failed cache was tried again: " + calls);
        assertFalse(calls.get(2).contains("-XX:AOTCache="), "a missing cache was used: " + calls.get(2));

        Path jar = project.resolve("target/drogulus.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        run(project.resolve("drogulus"), env, "c");
        List<String> after = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(5, after.size(), after.toString());
        assertTrue(after.get(3).contains("-XX:AOTCacheOutput="), "a new jar did not try again: " + after);
    }

    @Test
    void drogulusJavaOverridesTheNewestJdkAndItsOptionsReplaceTheDefaults() throws Exception {
        Path project = standInProject();
        Path log = tmp.resolve("fake-java.log");
        Path newest = fakeJdk("jdk-newest", "99", log);
        Path chosen = fakeJdk("jdk-chosen", "98", log);
        Run run = run(project.resolve("drogulus"), Map.of("JAVA_HOME", newest.toString(),
            "DROGULUS_JAVA", chosen.resolve("bin/java").toString(), "DROGULUS_JAVA_OPTS", "-Xmx64m -Dmark=1"), "a");
        assertEquals(0, run.status, run.err);
        List<String> calls = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertTrue(calls.stream().allMatch(c -> c.startsWith(chosen.resolve("bin/java").toString())), calls.toString());
        String last = calls.get(calls.size() - 1);
        assertTrue(last.contains(" -Xmx64m -Dmark=1 "), last);
        assertFalse(last.contains("UseSerialGC"), "the options were added to, not replaced: " + last);
        assertFalse(last.contains("-XX:AOTCache="), "a cache made with other options was used: " + last);
    }

    /** A JDK directory whose release file gives VERSION and whose java logs how it was called, making any cache. */
    private Path fakeJdk(String dir, String version, Path log) throws IOException {
        return fakeJdk(dir, version, log, true);
    }

    /** As above; when makesCache is false its java fails (status 1) whenever it is asked to make a cache. */
    private Path fakeJdk(String dir, String version, Path log, boolean makesCache) throws IOException {
        Path home = Files.createDirectories(tmp.resolve(dir));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n",
            StandardCharsets.UTF_8);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, String.join("\n",
            "#!/bin/sh",
            "echo \"$0 $*\" >> '" + log + "'",
            makesCache
                ? "for a in \"$@\"; do case \"$a\" in -XX:AOTCacheOutput=*) : > \"${a#-XX:AOTCacheOutput=}\" ;; esac; "
                    + "done"
                : "for a in \"$@\"; do case \"$a\" in -XX:AOTCacheOutput=*) exit 1 ;; esac; done",
            ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
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
        Path chooser = warmup.resolveSibling("choose-java.sh");
        Files.copy(Path.of("src/main/launcher/choose-java.sh"), chooser);
        Files.createDirectories(project.resolve("lib-logos"));
        for (Path p : List.of(project.resolve("pom.xml"), warmup, chooser, warmup.getParent(),
            project.resolve("src/main"), project.resolve("lib-logos"))) {
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

    /** Whether this machine's kernel gives transparent huge pages to a process that asks (madvise mode). */
    private static boolean hugePagesOnRequest() throws IOException {
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        return Files.isReadable(mode) && Files.readString(mode, StandardCharsets.UTF_8).contains("[madvise]");
    }

    private record Run(int status, String out, String err) {
    }

    private Run run(Path launcher, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return run(launcher, Map.of("DROGULUS_JAVA", java), args);
    }

    private Run run(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        builder.environment().remove("DROGULUS_JAVA_OPTS");
        builder.environment().remove("DROGULUS_JAVA");
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(env);
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
