package drogulus.logos.read;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Position;
import drogulus.logos.data.Regex;

/** Reads the literals that run to a closing quote: strings with their escapes, and {@code #"..."} regexes. */
final class TextLiterals {
    private TextLiterals() {
    }

    /** The rest of a string literal whose opening quote, at {@code start}, has been read. */
    static String readString(SourceText text, Position start) {
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next(text, "string", start);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            Position escapeAt = text.behind(1);
            char e = next(text, "string", start);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'u' -> out.append(readUnicodeEscape(text, escapeAt));
                default -> throw text.error("bad escape '\\" + e + "' in string", escapeAt);
            }
        }
    }

    /** {@code #"..."}: the text up to the closing quote is the pattern as written; only {@code \"} is escaped. */
    static Regex readRegex(SourceText text, Position start) {
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next(text, "regex", start);
            if (c == '"') {
                try {
                    return Regex.compile("Read error", out.toString());
                } catch (LogosError e) {
                    throw new LogosError(e.getMessage(), start);
                }
            }
            out.append(c);
            if (c == '\\' && !text.atEnd()) {
                out.append(text.advance());
            }
        }
    }

    private static char next(SourceText text, String what, Position start) {
        if (text.atEnd()) {
            throw text.endedEarly("unterminated " + what + " starting at line " + start.line() + ", column "
                + start.column(), text.position());
        }
        return text.advance();
    }

    private static char readUnicodeEscape(SourceText text, Position escapeAt) {
        String hex = text.ahead(4);
        if (hex == null) {
            throw text.error("bad escape: \\u needs four hex digits", escapeAt);
        }
        for (int i = 0; i < 4; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw text.error("bad escape '\\u" + hex + "': \\u needs four hex digits", escapeAt);
            }
        }
        for (int i = 0; i < 4; i++) {
            text.advance();
        }
        return (char) Integer.parseInt(hex, 16);
    }
}
