package drogulus.dht;

/** A DHT operation that could not be completed; the message says why in terms a user understands. */
public class DhtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DhtException(String message) {
        super(message);
    }

    public DhtException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The value sought is not held by any node the lookup could reach. */
    public static final class NotFound extends DhtException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** The operation ran past its time limit. */
    public static final class Timeout extends DhtException {
        private static final long serialVersionUID = 1L;

        public Timeout(String message) {
            super(message);
        }
    }

    /** Fewer than a majority of the nodes asked to hold an item acknowledged it; {@code acks} did. */
    public static final class TooFewCopies extends DhtException {
        private static final long serialVersionUID = 1L;
        private final int acks;
        private final int asked;

        public TooFewCopies(String message, int acks, int asked) {
            super(message);
            this.acks = acks;
            this.asked = asked;
        }

        public int acks() {
            return acks;
        }

        public int asked() {
            return asked;
        }
    }
}
