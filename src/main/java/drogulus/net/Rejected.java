package drogulus.net;

import drogulus.dht.ErrorCode;

/**
 * A well-framed payload that is not a message we can act on: the error to answer with and, when it could be
 * read, the uuid to answer to.
 */
record Rejected(ErrorCode code, String uuid, String reason) {
}
