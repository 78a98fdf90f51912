package drogulus.dht;

/** The seed's error codes, as {@code error} messages carry them. */
public enum ErrorCode {
    BAD_REQUEST(1, "Bad request"),
    UNKNOWN_REQUEST(2, "Unknown request"),
    INTERNAL_ERROR(3, "Internal error"),
    REQUEST_TOO_BIG(4, "Request too big"),
    UNSUPPORTED_PROTOCOL(5, "Unsupported protocol"),
    UNVERIFIABLE_PROVENANCE(6, "Unverifiable provenance"),
    KEY_MISMATCH(7, "Key mismatch"),
    SUPERSEDED_VALUE(8, "Superceded value");

    private final int code;
    private final String title;

    ErrorCode(int code, String title) {
        this.code = code;
        this.title = title;
    }

    public int code() {
        return code;
    }

    /** The seed's title; "Superceded" is its spelling, kept so peers agree on the text. */
    public String title() {
        return title;
    }

    /** The code with this number; unknown numbers read as an internal error. */
    public static ErrorCode of(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return INTERNAL_ERROR;
    }
}
