package drogulus.logos.data;

/**
 * What building, walking or encoding a value costs, charged as it happens. The evaluator's budget is one; layers
 * below the evaluator (crypto, json) see only this, so they need not know how evaluation is limited.
 */
public interface Cost {
    /** Charges work proportional to the input, a step per item walked; may end the evaluation. */
    void steps(long count);

    /** Charges memory the program allocates; may end the evaluation. */
    void allocate(long bytes);
}
