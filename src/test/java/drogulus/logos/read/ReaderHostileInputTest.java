package drogulus.logos.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReaderHostileInputTest {
    @Test
    void shouldSkipALeadingByteOrderMark() {
        assertEquals(List.of(42L, Symbol.of("x")), Reader.readAll("\uFEFF42 x", "f"));
    }

    @Test
    void shouldNameAControlCharacterAndWhereItIs() {
        LogosError nul = assertThrows(LogosError.class, () -> Reader.readAll("(+ 1\n  ab\u0000c)", "f"));
        assertTrue(nul.getMessage().contains("invalid character U+0000"), nul.getMessage());
        assertEquals(2, nul.position().line());
        assertEquals(5, nul.position().column());
        LogosError bell = assertThrows(LogosError.class, () -> Reader.readAll("[1 \u0007]", "f"));
        assertTrue(bell.getMessage().contains("U+0007"), bell.getMessage());
        LogosError bom = assertThrows(LogosError.class, () -> Reader.readAll("1 \uFEFF", "f"));
        assertTrue(bom.getMessage().contains("U+FEFF"), bom.getMessage());
    }

    @Test
    void shouldMakeNumbersOfAsciiDigitsOnly() {
        assertEquals(List.of(Symbol.of("\u0967\u0968")), Reader.readAll("\u0967\u0968", "f"));
        assertEquals(List.of(Symbol.of("-\u0661")), Reader.readAll("-\u0661", "f"));
        assertEquals(List.of(Symbol.of("\uff11")), Reader.readAll("\uff11", "f"));
        assertEquals(List.of(-12L), Reader.readAll("-12", "f"));
    }

    @Test
    void shouldRefuseOverlongNumberLiteralsBeforeParsingThem() {
        String digits = "9".repeat(NumberSyntax.MAX_LENGTH + 1);
        LogosError e = assertThrows(LogosError.class, () -> Reader.readAll("+" + digits, "f"));
        assertTrue(e.getMessage().contains("number literal too long"), e.getMessage());
        String fits = "3".repeat(5000);
        assertEquals(List.of(new BigInteger(fits)), Reader.readAll(fits, "f"));
    }
}
