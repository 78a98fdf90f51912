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

    /** Why a directory could not be made, in words: file system exceptions' messages are often just a path. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file that is not a directory is in the way";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "a directory above it is missing and cannot be made";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    static void ensureExists(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException("Can't create drogulus home directory " + home + ": " + reason(e), e);
        }
    }
}
