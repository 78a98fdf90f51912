package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Builtin;
import java.math.BigInteger;
import java.util.Formatter;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code format}: Java's String.format over Logos values, with widths charged before the text is made. */
final class StringFormat {
    /** One conversion of java.util.Formatter: index, flags, width, precision, conversion. */
    private static final Pattern SPEC = Pattern.compile("%(\\d+\\$)?([-#+ 0,(<]*)?(\\d+)?(\\.\\d+)?([a-zA-Z%])");

    private StringFormat() {
    }

    static void install(Library lib) {
        lib.def("format", "Returns the string fmt with each %s, %d, %f, %x ... filled from the arguments, as "
            + "Java's String.format does; %s shows a value as str would.", 1, Builtin.VARIADIC, args -> {
                String fmt = Args.string("format", args[0]);
                Object[] values = new Object[args.length - 1];
                long size = fmt.length();
                for (int i = 1; i < args.length; i++) {
                    values[i - 1] = javaValue(args[i]);
                }
                Matcher m = SPEC.matcher(fmt);
                while (m.find()) {
                    size += digits(m.group(3)) + digits(m.group(4) == null ? null : m.group(4).substring(1));
                }
                lib.chargeChars(size);
                // Widths are charged before, since the formatter pads in one piece; everything else as it is
                // written, however often the format uses one argument.
                ChargedText out = new ChargedText(lib);
                try (Formatter formatter = new Formatter(out, Locale.ROOT)) {
                    formatter.format(fmt, values);
                    return out.toString();
                } catch (IllegalFormatException e) {
                    throw new LogosError("format: " + describe(e) + " in \"" + fmt + "\"");
                }
            });
    }

    /** Text that charges its memory as it is appended, so a format that repeats a big argument stops early. */
    private static final class ChargedText implements Appendable {
        private final StringBuilder text = new StringBuilder();
        private final Library lib;

        ChargedText(Library lib) {
            this.lib = lib;
        }

        @Override
        public Appendable append(CharSequence chars) {
            CharSequence part = chars == null ? "null" : chars;
            lib.chargeChars(part.length());
            lib.chargeSteps(part.length() / 64 + 1);
            text.append(part);
            return this;
        }

        @Override
        public Appendable append(CharSequence chars, int start, int end) {
            return append(chars == null ? "null" : chars.subSequence(start, end));
        }

        @Override
        public Appendable append(char c) {
            lib.interp().budget().allocate(2);
            text.append(c);
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Strings, numbers and booleans go to the formatter as they are; other values as the text str makes. */
    private static Object javaValue(Object value) {
        if (value instanceof String || value instanceof Long || value instanceof Double
            || value instanceof BigInteger || value instanceof Boolean) {
            return value;
        }
        return Printer.str(value);
    }

    private static long digits(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new LogosError("format: width " + text + " is too large");
        }
    }

    private static String describe(IllegalFormatException e) {
        String name = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? name : name + " (" + e.getMessage() + ")";
    }
}
