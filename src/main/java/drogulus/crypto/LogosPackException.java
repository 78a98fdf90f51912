package drogulus.crypto;

import drogulus.logos.data.LogosError;

/**
 * A Logos value that cannot be written as msgpack (a function, an atom) or bytes that are not a well-formed
 * encoding of one. It is a {@link LogosError}, so Logos code that triggers it can catch it.
 */
public final class LogosPackException extends LogosError {
    private static final long serialVersionUID = 1L;

    public LogosPackException(String message) {
        super(message);
    }
}
