package drogulus.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/** Tells JLine to ask for another line while the input ends inside an unfinished form. */
final class FormParser extends DefaultParser {
    FormParser() {
        setEscapeChars(new char[0]);
        setQuoteChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && Repl.incomplete(line)) {
            throw new EOFError(-1, -1, "unfinished form", "form");
        }
        return super.parse(line, cursor, context);
    }
}
