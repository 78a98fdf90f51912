package drogulus.repl;

import drogulus.logos.read.Reader;

/**
 * Tells whether REPL input so far can be a whole form, reading each new line once: it tracks only strings,
 * comments and bracket depth, so a long unfinished input (an unterminated string of many lines) costs time in
 * proportion to its length, not its length squared. Only when the brackets close and no string is open does it
 * ask the reader, which knows the rest of the syntax.
 */
final class FormScanner {
    private final StringBuilder text = new StringBuilder();
    private boolean inString;
    private boolean escaped;
    private boolean inComment;
    private long depth;

    /** Adds text (a line with its newline, say) and scans only that. */
    void append(CharSequence more) {
        for (int i = 0; i < more.length(); i++) {
            scan(more.charAt(i));
        }
        text.append(more);
    }

    private void scan(char c) {
        if (inComment) {
            inComment = c != '\n';
        } else if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == ';') {
            inComment = true;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        }
    }

    /** Whether more lines are needed before the text so far is whole forms. */
    boolean incomplete() {
        if (inString || depth > 0) {
            return true;
        }
        return Reader.isIncomplete(text.toString());
    }

    String text() {
        return text.toString();
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    /** Whether a whole text needs more lines: one scan, then the reader only if the scan cannot tell. */
    static boolean incomplete(String text) {
        FormScanner scanner = new FormScanner();
        scanner.append(text);
        return scanner.incomplete();
    }
}
