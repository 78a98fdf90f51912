package drogulus.repl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class HighlighterTest {
    @Test
    void shouldColourStringsNumbersKeywordsAndComments() {
        String text = "(f \"s;x\" 42 :k x1 -3) ; note";
        AttributedStyle[] styles = Highlighter.styles(text);
        assertNull(styles[1]);
        AttributedStyle string = styles[3];
        assertEquals(string, styles[7]);
        AttributedStyle number = styles[10];
        assertNotEquals(string, number);
        AttributedStyle keyword = styles[13];
        assertNotEquals(number, keyword);
        assertNull(styles[16], "a symbol with a digit is not a number");
        assertEquals(number, styles[19]);
        assertNotEquals(null, styles[text.indexOf("note")]);
    }

    @Test
    void shouldMarkTheBracketThatMatchesTheOneAtTheCursor() {
        String text = "(a [b \")\"] (c))";
        AttributedStyle[] styles = Highlighter.styles(text);
        assertArrayEquals(new int[] {0, 14}, Highlighter.matchingPair(text, styles, 0));
        assertArrayEquals(new int[] {0, 14}, Highlighter.matchingPair(text, styles, 15));
        assertArrayEquals(new int[] {3, 9}, Highlighter.matchingPair(text, styles, 10));
        assertArrayEquals(new int[] {-1, -1}, Highlighter.matchingPair("(a b", Highlighter.styles("(a b"), 2));
        assertArrayEquals(new int[] {0, -1}, Highlighter.matchingPair("(a b", Highlighter.styles("(a b"), 0));
    }
}
