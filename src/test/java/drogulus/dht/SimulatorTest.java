package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SimulatorTest {
    private static Simulator.Options options(int nodes, int lookups, double churn, long seed, double loss,
                                             boolean heal, double adversaries, long expires) {
        return new Simulator.Options(nodes, lookups, churn, seed, 2, 5, 1, loss, false, 8, heal, 50, adversaries,
            expires);
    }

    @Test
    void shouldFindEveryStoredItemWithoutChurn() {
        Simulator.Report r = new Simulator(new Simulator.Options(60, 40, 0, 3, 2, 6, 1, 0, true), line -> { })
            .run();
        assertEquals(6, r.itemsStored());
        assertEquals(80, r.lookups());
        assertEquals(80, r.succeeded());
        assertEquals(20.0, r.meanAcks());
        assertTrue(r.copiesMean() >= 19, "nearly all of the K nearest nodes hold each item: " + r.copiesMean());
        assertTrue(r.meanMessages() >= 1 && r.p95Hops() >= r.medianHops());
        assertTrue(r.p99Latency() >= r.medianLatency() && r.medianLatency() > 0);
    }

    @Test
    void shouldReplaceNodesDuringTheRoundsWithoutAHealingPause() {
        Simulator.Report r = new Simulator(options(80, 40, 0.2, 5, 0, false, 0, 0), line -> { }).run();
        assertTrue(r.rounds().get(0).replaced() >= 14, "round 1 has churn too: " + r.rounds());
        assertTrue(r.virtualSeconds() < 600, "no hour of healing: " + r.virtualSeconds() + " s");
        assertTrue(r.successRate() >= 0.95, "success " + r.successRate() + " " + r.failures());
        Simulator.Report healed = new Simulator(options(80, 40, 0.2, 5, 0, true, 0, 0), line -> { }).run();
        assertTrue(healed.virtualSeconds() >= 3600, "--heal lets republishing run between rounds");
    }

    @Test
    void shouldCountEveryNodeInTheNetworkOnceTheLastJoinsHaveFinished() {
        Simulator.Report r = new Simulator(options(80, 40, 0.3, 5, 0.05, false, 0, 0), line -> { }).run();
        assertEquals(80, r.honestNodes() + r.failedJoins(), "nodes still joining when the gets ended count too");
        assertEquals(2 * 24, r.replaced(), "each round replaces 30% of the whole network, joining nodes included");
    }

    @Test
    void shouldFindItemsDespiteLostMessagesAndCountEveryFailure() {
        Simulator.Report r = new Simulator(options(80, 40, 0.1, 8, 0.05, false, 0, 0), line -> { }).run();
        assertTrue(r.successRate() >= 0.9, "success " + r.successRate() + " " + r.failures());
        assertTrue(r.lostMessages() > 0);
        assertEquals(r.lookups() - r.succeeded(), r.failures().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void shouldNotReturnStaleValuesFromAdversariesWhenHonestNodesHoldTheNewest() {
        Simulator.Report r = new Simulator(options(80, 40, 0, 9, 0, false, 0.1, 0), line -> { }).run();
        assertEquals(8, r.adversaryNodes());
        assertEquals(0, r.staleAgainstMajority());
        assertTrue(r.successRate() >= 0.95, "success " + r.successRate() + " " + r.failures());
    }

    @Test
    void shouldPutItemsAgainWhenTheyExpire() {
        Simulator.Report r = new Simulator(options(40, 20, 0, 10, 0, true, 0, 600), line -> { }).run();
        assertTrue(r.virtualSeconds() > 3600);
        assertTrue(r.successRate() >= 0.95, "items expired but were put again: " + r.failures());
    }

    @Test
    void shouldGiveTheSameFiguresForTheSameSeed() {
        Simulator.Options o = options(40, 20, 0.2, 11, 0.02, false, 0.1, 0);
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
        assertThrows(IllegalArgumentException.class, () -> options(10, 1, 0, 1, 0, false, 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Simulator.Options(10, 1, 0, 1, 1, 1, 1, 0, false, 0,
            false, 50, 0, 0));
    }

    @Test
    void shouldRefuseFractionsThatAreNotNumbers() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new Simulator.Options(80, 40, Double.NaN, 3, 2, 6, 1, 0, true));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new Simulator.Options(80, 40, 0, 3, 2, 6, 1, Double.NaN, true));
    }
}
