package drogulus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where drogulus keeps its identity, history and node data: $DROGULUS_HOME, else ~/.drogulus. */
final class Home {
    private Home() {
    }

    static Path directory() {
        String env = System.getenv("DROGULUS_HOME");
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        return Paths.get(System.getProperty("user.home"), ".drogulus");
    }

    static void ensureExists(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException("Can't create drogulus home directory " + home + ": " + e.getMessage(),
                e);
        }
    }
}
