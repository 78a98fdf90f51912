package drogulus.logos.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Regex;
import org.junit.jupiter.api.Test;

class TextLiteralsTest {
    @Test
    void stringEscapesBecomeTheirCharacters() {
        assertEquals("a\"b\\c\nd\te\rf\0g\u00e9", Reader.readAll("\"a\\\"b\\\\c\\nd\\te\\rf\\0g\\u00e9\"", "t").get(0));
    }

    @Test
    void badEscapeNamesTheColumnOfItsBackslash() {
        LogosError e = assertThrows(LogosError.class, () -> Reader.readAll("(str\n  \"ab\\q\")", "f.logos"));
        assertEquals("f.logos:2:6: Read error: bad escape '\\q' in string", e.describe());
    }

    @Test
    void shortUnicodeEscapeIsAnErrorNotAnIndexFault() {
        LogosError e = assertThrows(LogosError.class, () -> Reader.readAll("\"\\u12", "t"));
        assertTrue(e.getMessage().contains("\\u needs four hex digits"), e.getMessage());
        LogosError bad = assertThrows(LogosError.class, () -> Reader.readAll("\"\\u12zz\"", "t"));
        assertTrue(bad.getMessage().contains("'\\u12zz'"), bad.getMessage());
    }

    @Test
    void unterminatedStringOrRegexAsksForMoreInputButBadEscapeDoesNot() {
        assertTrue(Reader.isIncomplete("(println \"abc"));
        assertTrue(Reader.isIncomplete("(re-find #\"a+"));
        assertTrue(Reader.isIncomplete("\"ends in a backslash\\"));
        assertFalse(Reader.isIncomplete("\"a\\q\""));
    }

    @Test
    void regexKeepsItsBackslashesAndEscapedQuotes() {
        Object form = Reader.readAll("#\"\\d+\\\"x\"", "t").get(0);
        assertEquals("\\d+\\\"x", ((Regex) form).source());
    }
}
