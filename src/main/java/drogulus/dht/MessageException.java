package drogulus.dht;

/**
 * Bytes that are not a message we can act on: the code says which (1 malformed, 2 unknown type, 4 too large)
 * and the uuid, when it could be read, lets the receiver address its error answer.
 */
public final class MessageException extends DhtException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String uuid;

    public MessageException(ErrorCode code, String message, String uuid) {
        super(message);
        this.code = code;
        this.uuid = uuid;
    }

    public ErrorCode code() {
        return code;
    }

    /** The uuid of the offending message, or null when not even that could be read. */
    public String uuid() {
        return uuid;
    }
}
