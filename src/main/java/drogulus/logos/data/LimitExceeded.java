package drogulus.logos.data;

/**
 * A sandbox limit was hit. Code inside the sandbox cannot catch it (its {@code try} lets it pass), so the whole
 * sandboxed evaluation unwinds to the caller of {@code sandbox/eval}.
 */
public final class LimitExceeded extends LogosError {
    private static final long serialVersionUID = 1L;

    private final String limit;

    public LimitExceeded(String limit, String value) {
        super("Sandbox limit exceeded: " + limit + " (" + value + ")");
        this.limit = limit;
    }

    /** Which limit: steps, time, memory, depth or source. */
    public String limit() {
        return limit;
    }
}
