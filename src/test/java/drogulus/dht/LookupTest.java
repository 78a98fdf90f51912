package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Steps lookups by completing each peer's future by hand. */
class LookupTest {
    private static final LookupParams PARAMS = new LookupParams(3, 2, 60_000);
    private final Random random = new Random(5);
    private final NodeId target = NodeId.random(random);
    private final VirtualScheduler scheduler = new VirtualScheduler(0);
    private final Map<NodeId, CompletableFuture<LookupReply<String>>> asked = new LinkedHashMap<>();
    private final LookupRpc<String> rpc = c -> {
        CompletableFuture<LookupReply<String>> f = new CompletableFuture<>();
        asked.put(c.id(), f);
        return f;
    };

    private List<Contact> contacts(int n) {
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ContactsTest.contact(NodeId.random(random)));
        }
        return Contacts.sortContacts(out, target, n);
    }

    private Lookup<String> lookup(Lookup.Kind kind, List<Contact> seeds) {
        return new Lookup<>(kind, target, null, seeds, rpc, v -> v.startsWith("good"), scheduler, PARAMS);
    }

    private List<NodeId> inFlight() {
        List<NodeId> out = new ArrayList<>();
        asked.forEach((id, f) -> {
            if (!f.isDone()) {
                out.add(id);
            }
        });
        return out;
    }

    private static void answer(CompletableFuture<LookupReply<String>> f, List<Contact> nodes) {
        f.complete(new LookupReply.Nodes<>(nodes));
    }

    @Test
    void shouldAskTheAlphaNearestUncontactedContactsFirst() {
        List<Contact> seeds = contacts(6);
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_NODE, seeds).start();
        assertEquals(List.of(seeds.get(0).id(), seeds.get(1).id()), inFlight());
        answer(asked.get(seeds.get(1).id()), List.of());
        assertEquals(List.of(seeds.get(0).id(), seeds.get(2).id()), inFlight());
        assertFalse(result.isDone());
    }

    @Test
    void shouldEndWhenTheKNearestKnownHaveAllAnswered() throws Exception {
        List<Contact> all = contacts(8);
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_NODE, all.subList(5, 8)).start();
        answer(asked.get(all.get(5).id()), all.subList(0, 2));
        answer(asked.get(all.get(6).id()), List.of(all.get(2), all.get(7)));
        assertEquals(List.of(all.get(0).id(), all.get(1).id()), inFlight());
        answer(asked.get(all.get(0).id()), List.of(all.get(5)));
        answer(asked.get(all.get(1).id()), List.of());
        assertFalse(result.isDone());
        answer(asked.get(all.get(2).id()), List.of(all.get(3)));
        LookupResult<String> r = result.get();
        assertEquals(all.subList(0, 3), r.closest());
        assertEquals(2, r.hops());
        assertEquals(5, r.messages());
        assertFalse(asked.containsKey(all.get(3).id()), "farther than the K nearest answered: never asked");
    }

    private Lookup<String> refresh(List<Contact> seeds, Set<NodeId> range, boolean[] filled) {
        return lookup(Lookup.Kind.FIND_NODE, seeds).filling(new RefreshBounds(range::contains, () -> filled[0]));
    }

    @Test
    void shouldEndARefreshOnceItsBucketIsFilled() throws Exception {
        List<Contact> all = contacts(6);
        boolean[] filled = {false};
        Set<NodeId> range = new HashSet<>();
        all.forEach(c -> range.add(c.id()));
        CompletableFuture<LookupResult<String>> result = refresh(all, range, filled).start();
        assertEquals(List.of(all.get(0).id(), all.get(1).id()), inFlight());
        filled[0] = true;
        answer(asked.get(all.get(0).id()), all.subList(2, 6));
        assertEquals(List.of(all.get(0)), result.get().closest());
        assertTrue(asked.get(all.get(1).id()).isCancelled(), "the rest of the refresh is called off");
        assertEquals(2, asked.size());
    }

    @Test
    void shouldEndARefreshWhenEveryContactInItsRangeHasAnswered() throws Exception {
        List<Contact> all = contacts(6);
        Set<NodeId> range = Set.of(all.get(0).id(), all.get(1).id());
        CompletableFuture<LookupResult<String>> result = refresh(all, range, new boolean[1]).start();
        answer(asked.get(all.get(0).id()), List.of());
        answer(asked.get(all.get(1).id()), all.subList(2, 4));
        assertEquals(all.subList(0, 2), result.get().closest());
        assertEquals(2, asked.size(), "contacts outside the bucket's range are not asked once it knows some inside");
    }

    @Test
    void shouldAskABucketsOwnMembersInARefreshOnlyWhenNobodyElseInRangeIsLeft() throws Exception {
        List<Contact> all = contacts(6);
        Set<NodeId> range = new HashSet<>();
        all.forEach(c -> range.add(c.id()));
        Set<NodeId> held = Set.of(all.get(0).id(), all.get(1).id());
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_NODE, all.subList(0, 3))
            .filling(new RefreshBounds(range::contains, () -> false, held::contains)).start();
        assertEquals(List.of(all.get(2).id()), inFlight(), "the members are passed over for the one newcomer");
        answer(asked.get(all.get(2).id()), List.of(all.get(3)));
        assertEquals(List.of(all.get(3).id()), inFlight());
        answer(asked.get(all.get(3).id()), List.of());
        assertEquals(List.of(all.get(0).id()), inFlight(), "nobody else left: the nearest member, for its names");
        answer(asked.get(all.get(0).id()), List.of(all.get(4)));
        assertEquals(3, result.get().messages(), "the K nearest in range have answered: done");
        assertFalse(asked.containsKey(all.get(1).id()), "the other member is never asked");
    }

    @Test
    void shouldLookOutsideTheRangeOnlyUntilItKnowsAContactInIt() throws Exception {
        List<Contact> all = contacts(8);
        Set<NodeId> range = Set.of(all.get(0).id(), all.get(1).id());
        CompletableFuture<LookupResult<String>> result = refresh(all.subList(2, 8), range, new boolean[1]).start();
        assertEquals(List.of(all.get(2).id(), all.get(3).id()), inFlight(), "none in range known: as any lookup");
        answer(asked.get(all.get(2).id()), List.of(all.get(0)));
        assertEquals(List.of(all.get(3).id(), all.get(0).id()), inFlight(), "the free slot goes to the range");
        answer(asked.get(all.get(0).id()), List.of(all.get(1)));
        answer(asked.get(all.get(1).id()), List.of());
        assertEquals(all.subList(0, 3), result.get().closest(), "done, though a request outside is still out");
        assertFalse(asked.containsKey(all.get(4).id()));
    }

    @Test
    void shouldDropAContactThatFailsAndAskTheNextNearest() throws Exception {
        List<Contact> all = contacts(4);
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_NODE, all).start();
        asked.get(all.get(0).id()).completeExceptionally(new IllegalStateException("gone"));
        answer(asked.get(all.get(1).id()), List.of(all.get(0)));
        answer(asked.get(all.get(2).id()), List.of());
        answer(asked.get(all.get(3).id()), List.of());
        assertEquals(all.subList(1, 4), result.get().closest());
        assertEquals(4, asked.size(), "a failed contact is never asked again");
    }

    @Test
    void shouldDropAPeerWhoseRequestTheTransportTimedOut() throws Exception {
        List<Contact> all = contacts(4);
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_NODE, all).start();
        answer(asked.get(all.get(1).id()), List.of());
        scheduler.advance(59_000);
        assertEquals(List.of(all.get(0).id(), all.get(2).id()), inFlight(), "the lookup sets no timer per request");
        answer(asked.get(all.get(2).id()), List.of());
        asked.get(all.get(0).id()).completeExceptionally(new DhtException.Timeout("no answer"));
        answer(asked.get(all.get(3).id()), List.of());
        assertEquals(all.subList(1, 4), result.get().closest());
    }

    @Test
    void shouldCompleteItsResultOutsideItsLock() {
        List<Contact> all = contacts(1);
        Lookup<String> lookup = lookup(Lookup.Kind.FIND_NODE, all);
        boolean[] underLock = {true};
        CompletableFuture<?> seen = lookup.start().thenRun(() -> underLock[0] = Thread.holdsLock(lookup));
        answer(asked.get(all.get(0).id()), List.of());
        assertTrue(seen.isDone());
        assertFalse(underLock[0], "a continuation must not run while the lookup holds its lock");
    }

    @Test
    void shouldReturnTheFirstValidValueAndCancelTheRest() throws Exception {
        List<Contact> all = contacts(6);
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_VALUE, all.subList(2, 6)).start();
        answer(asked.get(all.get(2).id()), all.subList(0, 2));
        asked.get(all.get(0).id()).complete(new LookupReply.Found<>("bad value"));
        assertFalse(result.isDone(), "an invalid value only drops that contact");
        asked.get(all.get(1).id()).complete(new LookupReply.Found<>("good value"));
        LookupResult<String> r = result.get();
        assertEquals("good value", r.value());
        assertEquals(all.get(1), r.source());
        assertEquals(List.of(all.get(2)), r.withoutValue());
        assertTrue(asked.get(all.get(3).id()).isCancelled());
        assertEquals(2, r.hops());
    }

    @Test
    void shouldAskTheNearerContactsAHolderNamesBeforeAnsweringWithItsValue() throws Exception {
        List<Contact> all = contacts(4);
        CompletableFuture<LookupResult<String>> result = new Lookup<>(Lookup.Kind.FIND_VALUE, target, null,
            all.subList(2, 4), rpc, v -> v.startsWith("good"), scheduler, PARAMS,
            new LookupGather<String>(1, Comparator.naturalOrder(), null, false)).start();
        asked.get(all.get(2).id()).complete(new LookupReply.Found<>("good 1", false, List.of(all.get(0))));
        assertFalse(result.isDone(), "a node nearer the key that the holder knows may hold a newer version");
        assertTrue(asked.containsKey(all.get(0).id()));
        asked.get(all.get(0).id()).complete(new LookupReply.Found<>("good 2", false));
        assertEquals("good 2", result.get().value());
        assertEquals(2, result.get().hops());
    }

    @Test
    void shouldFailWithNotFoundWhenNobodyHasTheValue() {
        List<Contact> all = contacts(3);
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_VALUE, all).start();
        answer(asked.get(all.get(0).id()), List.of());
        answer(asked.get(all.get(1).id()), List.of());
        answer(asked.get(all.get(2).id()), List.of());
        ExecutionException e = assertThrows(ExecutionException.class, result::get);
        assertInstanceOf(DhtException.NotFound.class, e.getCause());
    }

    @Test
    void shouldFailWhenTheWholeLookupTakesTooLong() {
        List<Contact> all = contacts(40);
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_NODE, all.subList(39, 40)).start();
        for (int i = 38; i >= 0 && !result.isDone(); i--) {
            scheduler.advance(2_000);
            List<NodeId> pending = inFlight();
            for (NodeId id : pending) {
                answer(asked.get(id), List.of(all.get(i)));
            }
        }
        assertTrue(result.isCompletedExceptionally());
        ExecutionException e = assertThrows(ExecutionException.class, result::get);
        assertInstanceOf(DhtException.Timeout.class, e.getCause());
    }

    @Test
    void shouldIgnoreAValueDuringFindNode() throws Exception {
        List<Contact> all = contacts(3);
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_NODE, all).start();
        asked.get(all.get(0).id()).complete(new LookupReply.Found<>("good value"));
        answer(asked.get(all.get(1).id()), List.of());
        answer(asked.get(all.get(2).id()), List.of());
        assertNull(result.get().value());
        assertEquals(all.subList(1, 3), result.get().closest());
    }

    @Test
    void shouldAskAnAddressOnceUnderTheIdsALiarMakesUpForIt() throws Exception {
        List<Contact> all = contacts(4);
        Contact liar = all.get(3);
        List<Contact> madeUp = new ArrayList<>();
        for (Contact c : all.subList(0, 3)) {
            madeUp.add(new Contact(c.id(), liar.address(), liar.port(), "0"));
        }
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_NODE, List.of(liar)).start();
        answer(asked.get(liar.id()), madeUp);
        assertTrue(result.isDone(), "every made-up id sits at an address already asked");
        assertEquals(List.of(liar.id()), new ArrayList<>(asked.keySet()));
        assertEquals(List.of(liar), result.get().closest());
    }

    @Test
    void shouldAskTheNodeThatAnsweredUnderAnotherIdByItsOwn() throws Exception {
        List<Contact> all = contacts(3);
        Contact stale = new Contact(all.get(0).id(), all.get(2).address(), all.get(2).port(), "0");
        CompletableFuture<LookupResult<String>> result = lookup(Lookup.Kind.FIND_NODE, List.of(all.get(1))).start();
        answer(asked.get(all.get(1).id()), List.of(stale));
        asked.get(stale.id()).completeExceptionally(new Peers.AnsweredAs("answered as another node", all.get(2)));
        assertEquals(List.of(all.get(2).id()), inFlight(), "the address is asked again, under the id it answered as");
        answer(asked.get(all.get(2).id()), List.of());
        assertEquals(List.of(all.get(1), all.get(2)), result.get().closest());
    }

    @Test
    void shouldNotAnswerWithACopyMetOnTheWayWhileNearerContactsAreStillToBeAsked() throws Exception {
        List<Contact> all = contacts(4);
        CompletableFuture<LookupResult<String>> result = new Lookup<>(Lookup.Kind.FIND_VALUE, target, null,
            all.subList(1, 4), rpc, v -> v.startsWith("good"), scheduler, PARAMS,
            new LookupGather<String>(1, java.util.Comparator.naturalOrder(), null, false)).start();
        asked.get(all.get(2).id()).complete(new LookupReply.Found<>("good 1"));
        assertFalse(result.isDone(), "a nearer contact has not answered yet");
        answer(asked.get(all.get(1).id()), List.of(all.get(0)));
        assertFalse(result.isDone(), "the contact it named is nearer still");
        asked.get(all.get(0).id()).complete(new LookupReply.Found<>("good 2"));
        assertEquals("good 2", result.get().value());
        assertEquals(all.get(0), result.get().source());
    }
}
