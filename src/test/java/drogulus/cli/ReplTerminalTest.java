package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real REPL in a pseudo-terminal, driven as a person would: type forms, press Tab, press Ctrl-C during a
 * loop and during a network wait, cancel an unfinished form with Ctrl-D and leave with Ctrl-D. Python's pty
 * module plays the terminal.
 */
@Timeout(120)
class ReplTerminalTest {
    @TempDir
    Path dir;

    @Test
    void shouldBehaveAtARealTerminal() throws Exception {
        Path script = dir.resolve("pty_drive.py");
        try (var in = ReplTerminalTest.class.getResourceAsStream("/repl/pty_drive.py")) {
            Files.write(script, in.readAllBytes());
        }
        // A peer that accepts connections and never answers: a network wait that only Ctrl-C ends early.
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // The socket closed: the test is over.
                    return;
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path steps = dir.resolve("steps");
            Files.writeString(steps, String.join("\n",
                "expect Made your identity",
                "expect logos> ",
                "send (+ 1 2)\\r",
                "expect 3",
                "send (string/upp\\t\"abc\")\\r",
                "expect \"ABC\"",
                "send (loop [i 0] (recur (inc i)))\\r",
                "sleep 1",
                "send \\x03",
                "expect Interrupted",
                "send (dht/join \"127.0.0.1:" + silent.getLocalPort() + "\")\\r",
                "expect dht/join: asked 1 peers, 0 answered",
                "send \\x03",
                "expect dht/join: interrupted",
                "send (+ 1\\r",
                "expect ...",
                "send \\x04",
                "send (* 6 7)\\r",
                "expect 42",
                "send \\x04",
                "exit 0"), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("python3", script.toString(), steps.toString(), "--"));
            command.addAll(Processes.drogulus());
            Processes.Result r = Processes.run(dir.resolve("home"), 100, command);
            assertEquals(0, r.status(), r.out() + r.err());
            assertTrue(r.out().contains("Your node listens on 127.0.0.1:"), r.out());
            assertTrue(Files.exists(dir.resolve("home").resolve("history")), "history saved");
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
