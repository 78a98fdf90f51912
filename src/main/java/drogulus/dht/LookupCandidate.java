package drogulus.dht;

import java.util.concurrent.CompletableFuture;

/** One contact on a lookup's shortlist, with what the lookup knows of it so far. */
final class LookupCandidate {
    enum State { FRESH, IN_FLIGHT, ANSWERED, FAILED }

    final Contact contact;
    /** The contact's address and port, made once: each step of the lookup reads it for the K nearest. */
    final Endpoint endpoint;
    final int hop;
    State state = State.FRESH;
    boolean proven;
    boolean stalled;
    /** Answered with a valid value. */
    boolean holds;
    /** For a bucket refresh, whether the contact is in the bucket's range (asked at every step, so kept). */
    boolean inRange;
    /** Passed over because its address was asked under another id; asked after all if that id was a lie. */
    boolean sameEndpoint;
    /**
     * Whether another candidate of this lookup has the same address and port. Only then can the endpoint have
     * been asked while this candidate is still fresh, so only then does a step look it up among those asked.
     */
    boolean shared;
    long sentAt;
    CompletableFuture<?> pending;
    Scheduler.Cancellable stallTimer;

    LookupCandidate(Contact contact, int hop) {
        this.contact = contact;
        this.endpoint = new Endpoint(contact);
        this.hop = hop;
    }
}
