package drogulus.logos.read;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Position;

/**
 * The text a {@link Reader} reads and where it has got to: offset, line and column, so that every form and every
 * error can say where it is. It also remembers whether an error came from input that ended too early, which
 * tells the REPL to wait for another line rather than report.
 */
final class SourceText {
    private final String source;
    private final String file;
    private int offset;
    private int line = 1;
    private int column = 1;
    private boolean endedEarly;

    SourceText(String source, String file) {
        this(source, file, 1);
    }

    /** Text that starts on line {@code firstLine} of its file: a piece cut from a longer text. */
    SourceText(String source, String file, int firstLine) {
        this.source = source;
        this.file = file;
        this.line = firstLine;
        // A UTF-8 byte-order mark some editors write is not part of the program.
        if (source.startsWith("\uFEFF")) {
            offset = 1;
        }
    }

    Position position() {
        return new Position(file, line, column);
    }

    /** The position {@code back} characters before the current one on the same line. */
    Position behind(int back) {
        return new Position(file, line, column - back);
    }

    boolean atEnd() {
        return offset >= source.length();
    }

    char peek() {
        return source.charAt(offset);
    }

    char advance() {
        char c = source.charAt(offset++);
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return c;
    }

    int offset() {
        return offset;
    }

    /** The text from {@code begin} up to where reading is now. */
    String since(int begin) {
        return source.substring(begin, offset);
    }

    /** The next {@code count} characters, not consumed; null when fewer are left. */
    String ahead(int count) {
        return offset + count > source.length() ? null : source.substring(offset, offset + count);
    }

    /** Skips whitespace, commas and comments up to the next form or the end. */
    void skipSpace() {
        while (!atEnd()) {
            char c = peek();
            if (c == ';') {
                skipLine();
            } else if (Character.isWhitespace(c) || c == ',') {
                advance();
            } else {
                return;
            }
        }
    }

    /** Skips to the end of the line, leaving the newline. */
    void skipLine() {
        while (!atEnd() && peek() != '\n') {
            advance();
        }
    }

    LogosError error(String message, Position where) {
        return new LogosError("Read error: " + message, where);
    }

    /** An error because the input ended inside a form: more lines may complete it. */
    LogosError endedEarly(String message, Position where) {
        endedEarly = true;
        return error(message, where);
    }

    boolean hasEndedEarly() {
        return endedEarly;
    }
}
