package drogulus.cli;

import drogulus.Utils;
import drogulus.crypto.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

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

    /**
     * The user's identity, made and saved on first use; when it is new, a line saying so and where is added to
     * {@code notes}, for the command to print.
     */
    static Identity identity(Path home, List<String> notes) {
        boolean fresh = !Files.exists(home.resolve(Identity.PRIVATE_FILE))
            && !Files.exists(home.resolve(Identity.PUBLIC_FILE));
        Identity identity = Identity.loadOrCreate(home);
        if (fresh) {
            notes.add("Made your identity (an RSA key pair) in " + home + "; your id is "
                + Utils.toHex(identity.nodeId()).substring(0, 16) + "... (crypto/id) gives all of it.");
        }
        return identity;
    }

    static void ensureExists(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException("Can't create drogulus home directory " + home + ": " + reason(e), e);
        }
    }
}
