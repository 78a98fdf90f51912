package drogulus.cli;

import drogulus.Utils;
import drogulus.crypto.CryptoException;
import drogulus.crypto.Identity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drogulus whoami}: prints the public key and node id of the identity under the drogulus home. */
@Command(name = "whoami", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Print the public key and node id of the key pair under $DROGULUS_HOME (default ~/.drogulus).")
public final class WhoamiCommand implements Callable<Integer> {
    private final Path home;

    @Spec
    private CommandSpec spec;

    /** Uses {@code $DROGULUS_HOME} or {@code ~/.drogulus}. */
    public WhoamiCommand() {
        this(Home.directory());
    }

    public WhoamiCommand(Path home) {
        this.home = home;
    }

    @Override
    public Integer call() {
        Identity identity;
        try {
            identity = Identity.load(home);
        } catch (CryptoException e) {
            spec.commandLine().getErr().println("drogulus whoami: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
        var out = spec.commandLine().getOut();
        out.print(identity.publicKeyPem());
        out.println("node id: " + Utils.toHex(identity.nodeId()));
        out.flush();
        return 0;
    }
}
