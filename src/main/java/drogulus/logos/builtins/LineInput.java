package drogulus.logos.builtins;

import drogulus.logos.data.LogosError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A source of text lines, the value of {@code *in*}: standard input for scripts, or what a test gives. */
public final class LineInput {
    private final BufferedReader reader;
    private final String name;

    public LineInput(InputStream in, String name) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.name = name;
    }

    /** The next line without its line end, or null at the end of the input. */
    String readLine() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new LogosError("Can't read " + name + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "#<input " + name + ">";
    }
}
