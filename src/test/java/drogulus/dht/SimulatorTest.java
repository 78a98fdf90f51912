package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SimulatorTest {
    @Test
    void shouldFindEveryStoredItemWithoutChurn() {
        Simulator.Report r = new Simulator(new Simulator.Options(80, 40, 0, 3, 2, 6, 1, 0, true), line -> { })
            .run();
        assertEquals(6, r.itemsStored());
        assertEquals(80, r.lookups());
        assertEquals(80, r.succeeded());
        assertEquals(1.0, r.successRate());
        assertEquals(20.0, r.meanAcks());
        assertTrue(r.meanMessages() >= 1 && r.p95Hops() >= r.medianHops());
    }

    @Test
    void shouldReplaceTheChurnFractionBetweenRoundsAndStillFindItems() {
        List<String> progress = new ArrayList<>();
        Simulator.Report r = new Simulator(new Simulator.Options(100, 50, 0.2, 5, 3, 5, 1, 0, false),
            progress::add).run();
        assertEquals(List.of(0, 20, 20), r.rounds().stream().map(Simulator.Round::replaced).toList());
        assertTrue(r.successRate() >= 0.99, "success " + r.successRate());
        assertTrue(r.virtualSeconds() >= 2 * 3600, "republish intervals passed between rounds");
        assertTrue(progress.stream().anyMatch(l -> l.contains("20 nodes left")), progress.toString());
    }

    @Test
    void shouldFindItemsDespiteLostMessages() {
        Simulator.Report r = new Simulator(new Simulator.Options(100, 60, 0.2, 8, 2, 5, 1, 0.05, false), line -> { })
            .run();
        assertTrue(r.successRate() >= 0.95, "success " + r.successRate() + " " + r.failures());
        assertEquals(r.lookups() - r.succeeded(), r.failures().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void shouldGiveTheSameFiguresForTheSameSeed() {
        Simulator.Options o = new Simulator.Options(50, 20, 0.2, 11, 2, 3, 1, 0, false);
        Simulator.Report a = new Simulator(o, line -> { }).run();
        Simulator.Report b = new Simulator(o, line -> { }).run();
        assertEquals(a.rounds(), b.rounds());
        assertEquals(a.networkMessages(), b.networkMessages());
    }

    @Test
    void shouldRejectOptionsThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> new Simulator.Options(1, 1, 0, 1, 1, 1, 1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Simulator.Options(10, 1, 1.5, 1, 1, 1, 1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Simulator.Options(10, 1, 0, 1, 1, 1, 1, 1, false));
    }

    @Test
    void shouldRefuseFractionsThatAreNotNumbers() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new Simulator.Options(80, 40, Double.NaN, 3, 2, 6, 1, 0, true));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new Simulator.Options(80, 40, 0, 3, 2, 6, 1, Double.NaN, true));
    }
}
