package drogulus.repl;

import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours Logos as it is typed: strings, numbers, keywords and comments, and the bracket that matches the one
 * at (or just before) the cursor.
 */
final class Highlighter implements org.jline.reader.Highlighter {
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle KEYWORD = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT)
        .faint();
    private static final AttributedStyle MATCH = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW)
        .underline();

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer, reader.getBuffer().cursor());
    }

    /** The styled text; {@code cursor} decides which pair of brackets is marked. */
    static AttributedString highlight(String text, int cursor) {
        AttributedStyle[] styles = styles(text);
        int[] match = matchingPair(text, styles, cursor);
        AttributedStringBuilder out = new AttributedStringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            AttributedStyle style = (i == match[0] || i == match[1]) ? MATCH : styles[i];
            out.style(style == null ? AttributedStyle.DEFAULT : style).append(text.charAt(i));
        }
        return out.toAttributedString();
    }

    /** A style per character, null for plain code. */
    static AttributedStyle[] styles(String text) {
        AttributedStyle[] styles = new AttributedStyle[text.length()];
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end;
            AttributedStyle style;
            if (c == '"') {
                end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, text.length());
                style = STRING;
            } else if (c == ';') {
                end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                style = COMMENT;
            } else if (c == ':' || Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < text.length()
                && Character.isDigit(text.charAt(i + 1)) && startsToken(text, i))) {
                end = i + 1;
                while (end < text.length() && !delimiter(text.charAt(end))) {
                    end++;
                }
                style = c == ':' ? KEYWORD : startsToken(text, i) ? NUMBER : null;
            } else {
                end = i + 1;
                if (!delimiter(c)) {
                    while (end < text.length() && !delimiter(text.charAt(end))) {
                        end++;
                    }
                }
                style = null;
            }
            for (int j = i; j < end; j++) {
                styles[j] = style;
            }
            i = end;
        }
        return styles;
    }

    private static boolean startsToken(String text, int i) {
        return i == 0 || delimiter(text.charAt(i - 1));
    }

    private static boolean delimiter(char c) {
        return Character.isWhitespace(c) || c == ',' || "()[]{}\"';`~@^".indexOf(c) >= 0;
    }

    /** The positions of the bracket at or before the cursor and its partner; -1 where there is none. */
    static int[] matchingPair(String text, AttributedStyle[] styles, int cursor) {
        for (int at : new int[] {cursor, cursor - 1}) {
            if (at < 0 || at >= text.length() || styles[at] != null) {
                continue;
            }
            char c = text.charAt(at);
            int open = "([{".indexOf(c);
            int close = ")]}".indexOf(c);
            if (open >= 0) {
                return new int[] {at, scan(text, styles, at, 1)};
            }
            if (close >= 0) {
                return new int[] {scan(text, styles, at, -1), at};
            }
        }
        return new int[] {-1, -1};
    }

    private static int scan(String text, AttributedStyle[] styles, int from, int step) {
        int depth = 0;
        for (int i = from; i >= 0 && i < text.length(); i += step) {
            if (styles[i] != null) {
                continue;
            }
            char c = text.charAt(i);
            if ("([{".indexOf(c) >= 0) {
                depth += step;
            } else if (")]}".indexOf(c) >= 0) {
                depth -= step;
            }
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
