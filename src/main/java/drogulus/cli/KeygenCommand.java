package drogulus.cli;

import drogulus.Utils;
import drogulus.crypto.CryptoException;
import drogulus.crypto.Identity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drogulus keygen}: makes the RSA key pair that is this user's identity, under the drogulus home. */
@Command(name = "keygen", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Make an RSA 2048 key pair under $DROGULUS_HOME (default ~/.drogulus); an existing pair is "
        + "kept unless --force is given.")
public final class KeygenCommand implements Callable<Integer> {
    private final Path home;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--force"}, description = "Replace an existing key pair (its identity is lost).")
    private boolean force;

    /** Uses {@code $DROGULUS_HOME} or {@code ~/.drogulus}. */
    public KeygenCommand() {
        this(Home.directory());
    }

    public KeygenCommand(Path home) {
        this.home = home;
    }

    @Override
    public Integer call() {
        Identity identity = Identity.generate();
        try {
            identity.save(home, force);
        } catch (CryptoException e) {
            String hint = force ? "" : "; run `drogulus keygen --force` to replace it (its identity is lost)";
            spec.commandLine().getErr().println("drogulus keygen: " + e.getMessage() + hint);
            spec.commandLine().getErr().flush();
            return 1;
        }
        var out = spec.commandLine().getOut();
        out.println("Wrote a new key pair to " + home);
        out.println("  public key:  " + home.resolve(Identity.PUBLIC_FILE));
        out.println("  private key: " + home.resolve(Identity.PRIVATE_FILE) + " (readable by you only)");
        out.println("node id: " + Utils.toHex(identity.nodeId()));
        out.flush();
        return 0;
    }
}
