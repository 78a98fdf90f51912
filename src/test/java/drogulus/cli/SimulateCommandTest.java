package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(120)
class SimulateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shouldPrintAReadableReport() {
        assertEquals(0, run("--nodes", "40", "--lookups", "10", "--items", "3", "--rounds", "2", "--churn", "0.1",
            "--publishers", "1"));
        String text = out.toString();
        assertTrue(text.contains("success rate    "), text);
        assertTrue(text.contains("round 1: 4 replaced"), text);
        assertTrue(text.contains("messages/get    median"), text);
        assertTrue(text.contains("latency         median"), text);
        assertTrue(text.contains("stale reads     0"), text);
        assertTrue(text.contains("copies at end"), text);
        assertEquals("", err.toString(), "no progress lines when not on a terminal");
    }

    @Test
    void shouldPrintJsonForMachines() throws Exception {
        assertEquals(0, run("--nodes", "30", "--lookups", "5", "--items", "2", "--rounds", "1", "--json",
            "--publishers", "1", "--seed", "4"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(30, json.get("options").get("nodes").asInt());
        assertEquals(5, json.get("lookups").asInt());
        assertEquals(1.0, json.get("successRate").asDouble());
        assertTrue(json.get("rounds").isArray());
        for (String field : new String[] {"p99Latency", "medianHops", "meanMessages", "copiesMean", "stale",
            "staleAgainstMajority", "localHits", "adversaryNodes", "lostMessages"}) {
            assertTrue(json.has(field), field);
        }
        assertEquals("", err.toString());
    }

    @Test
    void shouldExplainBadOptions() {
        assertEquals(2, run("--nodes", "1"));
        assertTrue(err.toString().contains("at least 2 nodes"), err.toString());
    }
}
