package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drogulus.logos.data.Cost;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextSearchTest {
    private static String random(Random random, int length, int letters) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(letters)));
        }
        return out.toString();
    }

    @Test
    void shouldFindWhatStringIndexOfFinds() {
        Random random = new Random(7);
        for (int round = 0; round < 3000; round++) {
            String s = random(random, random.nextInt(300), 2);
            String sub = random.nextBoolean() && s.length() > 40
                ? s.substring(random.nextInt(s.length() - 40), s.length() - random.nextInt(5))
                : random(random, random.nextInt(80), 2);
            int from = random.nextInt(s.length() + 3) - 1;
            assertEquals(s.indexOf(sub, from), TextSearch.indexOf(s, sub, from, Cost.FREE), s + " / " + sub);
            assertEquals(s.lastIndexOf(sub, from), TextSearch.lastIndexOf(s, sub, from, Cost.FREE), s + " / " + sub);
        }
    }
}
