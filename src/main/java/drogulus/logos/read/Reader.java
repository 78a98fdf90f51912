package drogulus.logos.read;

import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Position;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Logos source text into forms. Works character by character so every list it returns knows the file,
 * line and column of its opening parenthesis, and every error names where reading stopped.
 */
public final class Reader {
    /** Deeper nesting than this is refused, so hostile input cannot exhaust the stack. */
    public static final int MAX_DEPTH = 1000;

    private static final Symbol QUOTE = Symbol.of("quote");
    private static final Symbol QUASIQUOTE = Symbol.of("quasiquote");
    private static final Symbol UNQUOTE = Symbol.of("unquote");
    private static final Symbol SPLICE_UNQUOTE = Symbol.of("splice-unquote");
    private static final Symbol DEREF = Symbol.of("deref");
    private static final Symbol FN = Symbol.of("fn");
    private static final Symbol AMPERSAND = Symbol.of("&");

    /** A marker returned by {@link #next()} when the input holds no more forms. */
    public static final Object EOF = new Object();

    private final SourceText text;
    private int depth;
    /** Set while reading {@code #( )}: the highest {@code %n} seen, or -1 for none; {@code %&} tracked apart. */
    private int maxPercent = -2;
    private boolean percentRest;
    private Position formStart;

    public Reader(String source, String file) {
        this.text = new SourceText(source, file);
    }

    /** A reader of a piece of a file that starts at the beginning of line {@code firstLine}. */
    public Reader(String source, String file, int firstLine) {
        this.text = new SourceText(source, file, firstLine);
    }

    /** All forms of a source text. */
    public static List<Object> readAll(String source, String file) {
        Reader reader = new Reader(source, file);
        List<Object> forms = new ArrayList<>();
        for (Object form = reader.next(); form != EOF; form = reader.next()) {
            forms.add(form);
        }
        return forms;
    }

    /** The next form, or {@link #EOF}. */
    public Object next() {
        while (true) {
            text.skipSpace();
            if (text.atEnd()) {
                return EOF;
            }
            formStart = position();
            Object form = read();
            if (form != DISCARDED) {
                return form;
            }
        }
    }

    public Position position() {
        return text.position();
    }

    /** Where the form {@link #next()} returned last begins: errors without a position of their own get it. */
    public Position formStart() {
        return formStart;
    }

    private LogosError error(String message, Position where) {
        return text.error(message, where);
    }

    private LogosError incomplete(String message, Position where) {
        return text.endedEarly(message, where);
    }

    /** True if the source ends inside an unfinished form, as a REPL line that needs another line does. */
    public static boolean isIncomplete(String source) {
        Reader reader = new Reader(source, "<input>");
        try {
            Object form;
            do {
                form = reader.next();
            } while (form != EOF);
            return false;
        } catch (LogosError e) {
            return reader.text.hasEndedEarly();
        }
    }

    private char peek() {
        return text.peek();
    }

    private boolean atEnd() {
        return text.atEnd();
    }

    private char advance() {
        return text.advance();
    }

    private Object read() {
        Position start = position();
        char c = peek();
        if (isInvalid(c)) {
            throw error("invalid character " + describeChar(c) + " in source", start);
        }
        if (c != '(' && c != '[' && c != '{' && c != ')' && c != ']' && c != '}' && c != '"' && c != '\''
            && c != '`' && c != '~' && c != '@' && c != '#') {
            return readAtom(start);
        }
        advance();
        return switch (c) {
            case '(' -> LList.from(readSeq(')', start)).withPosition(start);
            case '[' -> LVector.from(readSeq(']', start));
            case '{' -> readMap(start);
            case '"' -> TextLiterals.readString(text, start);
            case '\'' -> wrap(QUOTE, start);
            case '`' -> wrap(QUASIQUOTE, start);
            case '~' -> {
                if (!atEnd() && peek() == '@') {
                    advance();
                    yield wrap(SPLICE_UNQUOTE, start);
                }
                yield wrap(UNQUOTE, start);
            }
            case '@' -> wrap(DEREF, start);
            case '#' -> readDispatch(start);
            default -> throw error("unexpected '" + c + "'", start);
        };
    }

    private Object readNested(Position start, String what) {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels", start);
        }
        try {
            text.skipSpace();
            if (atEnd()) {
                throw incomplete("end of input after " + what, start);
            }
            return read();
        } finally {
            depth--;
        }
    }

    private LList wrap(Symbol head, Position start) {
        Object form = readNested(start, "'" + head.name() + "' prefix");
        return LList.of(head, form).withPosition(start);
    }

    private List<Object> readSeq(char close, Position start) {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels", start);
        }
        List<Object> items = new ArrayList<>();
        while (true) {
            text.skipSpace();
            if (atEnd()) {
                throw incomplete("unbalanced '" + openerOf(close) + "' opened at line " + start.line() + ", column "
                    + start.column() + ": missing '" + close + "'", position());
            }
            if (peek() == close) {
                advance();
                depth--;
                return items;
            }
            Object form = read();
            if (form != DISCARDED) {
                items.add(form);
            }
        }
    }

    private static char openerOf(char close) {
        return close == ')' ? '(' : close == ']' ? '[' : '{';
    }

    private LMap readMap(Position start) {
        List<Object> items = readSeq('}', start);
        if (items.size() % 2 != 0) {
            throw error("a map literal needs an even number of forms, got " + items.size(), start);
        }
        LMap map = LMap.EMPTY;
        for (int i = 0; i < items.size(); i += 2) {
            if (map.containsKey(items.get(i))) {
                throw error("duplicate key in map literal: " + Printer.print(items.get(i), true), start);
            }
            map = map.assoc(items.get(i), items.get(i + 1));
        }
        return map;
    }

    /** {@code #{a b}}: a set literal; a repeated item is an error, as in a map literal. */
    private LSet readSet(Position start) {
        List<Object> items = readSeq('}', start);
        LSet set = LSet.EMPTY;
        for (Object item : items) {
            if (set.contains(item)) {
                throw error("duplicate item in set literal: " + Printer.print(item, true), start);
            }
            set = set.conj(item);
        }
        return set;
    }

    /** Returned for {@code #_form}, which reads a form and drops it. */
    private static final Object DISCARDED = new Object();

    private Object readDispatch(Position start) {
        if (atEnd()) {
            throw incomplete("end of input after '#'", start);
        }
        char c = peek();
        if (c == '_') {
            advance();
            readNested(start, "'#_'");
            return DISCARDED;
        }
        if (c == '#') {
            advance();
            Object name = readAtom(position());
            if (name instanceof Symbol s) {
                switch (s.name()) {
                    case "Inf" -> {
                        return Double.POSITIVE_INFINITY;
                    }
                    case "-Inf" -> {
                        return Double.NEGATIVE_INFINITY;
                    }
                    case "NaN" -> {
                        return Double.NaN;
                    }
                    default -> {
                    }
                }
            }
            throw error("unknown symbolic value ##" + Printer.print(name, true), start);
        }
        if (c == '(') {
            return readShortFn(start);
        }
        if (c == '"') {
            advance();
            return TextLiterals.readRegex(text, start);
        }
        if (c == '!') {
            // #! starts a comment, so a script may begin with a #!/usr/bin/env drogulus line.
            text.skipLine();
            return DISCARDED;
        }
        if (c == '{') {
            advance();
            return readSet(start);
        }
        throw error("unknown dispatch '#" + c + "'", start);
    }

    /** {@code #(+ % 1)} becomes {@code (fn [%1] (+ %1 1))}. */
    private Object readShortFn(Position start) {
        if (maxPercent != -2) {
            throw error("nested #( ) function literals are not allowed", start);
        }
        maxPercent = -1;
        percentRest = false;
        try {
            advance();
            LList body = LList.from(readSeq(')', start)).withPosition(start);
            List<Object> params = new ArrayList<>();
            for (int i = 1; i <= maxPercent; i++) {
                params.add(Symbol.of("%" + i));
            }
            if (percentRest) {
                params.add(AMPERSAND);
                params.add(Symbol.of("%&"));
            }
            return LList.of(FN, LVector.from(params), body).withPosition(start);
        } finally {
            maxPercent = -2;
        }
    }

    /** What ends a token. A quote does not, as in Clojure, so {@code x'} and {@code a'b} are symbols. */
    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == ',' || c == '(' || c == ')' || c == '[' || c == ']'
            || c == '{' || c == '}' || c == '"' || c == ';' || c == '`' || c == '~' || c == '@';
    }

    private Object readAtom(Position start) {
        int begin = text.offset();
        while (!atEnd() && !isDelimiter(peek())) {
            advance();
        }
        String token = text.since(begin);
        if (token.isEmpty()) {
            throw error("unexpected '" + peek() + "'", start);
        }
        for (int i = 0; i < token.length(); i++) {
            if (isInvalid(token.charAt(i))) {
                // A token never spans lines, so the bad character is i columns on.
                throw error("invalid character " + describeChar(token.charAt(i)) + " in source",
                    new Position(start.file(), start.line(), start.column() + i));
            }
        }
        return parseToken(token, start);
    }

    /** Control characters (other than whitespace) and stray byte-order marks never belong in a token. */
    private static boolean isInvalid(char c) {
        return (Character.isISOControl(c) && !Character.isWhitespace(c)) || c == '\uFEFF';
    }

    private static String describeChar(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** Only ASCII digits make numbers: other scripts' digits are not Logos syntax. */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object parseToken(String token, Position start) {
        char c = token.charAt(0);
        if (isDigit(c) || ((c == '-' || c == '+') && token.length() > 1 && isDigit(token.charAt(1)))) {
            return parseNumber(token, start);
        }
        if (token.equals("nil")) {
            return null;
        }
        if (token.equals("true") || token.equals("false")) {
            return Boolean.valueOf(token);
        }
        if (c == ':') {
            if (token.length() == 1 || token.charAt(1) == ':') {
                throw error("invalid keyword '" + token + "'", start);
            }
            return Keyword.of(token.substring(1));
        }
        if (maxPercent != -2 && c == '%') {
            return percentParam(token, start);
        }
        return Symbol.of(token);
    }

    private Symbol percentParam(String token, Position start) {
        if (token.equals("%")) {
            maxPercent = Math.max(maxPercent, 1);
            return Symbol.of("%1");
        }
        if (token.equals("%&")) {
            percentRest = true;
            return Symbol.of("%&");
        }
        try {
            int n = Integer.parseInt(token.substring(1));
            if (n < 1 || n > 20) {
                throw error("bad argument '" + token + "' in #( ): use %1 to %20", start);
            }
            maxPercent = Math.max(maxPercent, n);
            return Symbol.of(token);
        } catch (NumberFormatException e) {
            return Symbol.of(token);
        }
    }

    private Object parseNumber(String token, Position start) {
        if (token.length() > NumberSyntax.MAX_LENGTH) {
            throw error("number literal too long (" + token.length() + " characters, at most "
                + NumberSyntax.MAX_LENGTH + ")", start);
        }
        Object number = NumberSyntax.parse(token);
        if (number == null) {
            throw error("invalid number '" + token + "'", start);
        }
        return number;
    }
}
