package drogulus.dht;

import drogulus.crypto.Item;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated node that lies in every way issue 14 lists: it claims an id next to an item's key (which it
 * cannot prove), claims honest nodes' ids when it pings them, answers lookups with contacts that pair ids near
 * the target with adversaries' addresses, answers a get with the oldest version it has seen or a forged one
 * (naming made-up contacts next to the key there too), and acknowledges stores it then drops.
 */
final class SimAdversary implements Transport.RequestHandler {
    private final Transport transport;
    private final NodeId claimed;
    private final NodeId crowded;
    private final Random random;
    private final List<Contact> accomplices;
    private final Map<NodeId, Item> oldest = new HashMap<>();
    private final int k;

    SimAdversary(Transport transport, NodeId claimed, NodeId crowded, Random random, List<Contact> accomplices,
                 int k) {
        this.transport = transport;
        this.claimed = claimed;
        this.crowded = crowded;
        this.random = random;
        this.accomplices = accomplices;
        this.k = k;
        Object unused = transport.listen(this);
    }

    Contact contact() {
        return new Contact(claimed, transport.address(), transport.port(), "0.0.0");
    }

    /** An id sharing its first 64 bits with the key: next to it, as no honest id will be. */
    static NodeId near(NodeId key, Random random) {
        byte[] b = key.toBytes();
        byte[] noise = new byte[NodeId.BYTES];
        random.nextBytes(noise);
        for (int i = 8; i < b.length; i++) {
            b[i] = noise[i];
        }
        return NodeId.of(b);
    }

    /** Pings an honest node claiming another honest node's id, hoping to take its place in the routing table. */
    void impersonate(Contact victim, NodeId stolen) {
        Message.Ping ping = new Message.Ping(Long.toHexString(random.nextLong()), stolen, "0.0.0", transport.port());
        Object unused = transport.send(victim.address(), victim.port(), ping);
    }

    /** Whether it sits next to this key, and so sees its puts as the nearest nodes would. */
    boolean crowds(NodeId key) {
        return crowded.equals(key);
    }

    /** Remembers the first version seen of an item, to replay once a newer one is out. */
    void saw(Item item) {
        oldest.putIfAbsent(NodeId.of(item.key()), item);
    }

    @Override
    public CompletableFuture<Message> handle(Message.Request request, InetAddress source) {
        return CompletableFuture.completedFuture(answer(request));
    }

    private Message answer(Message.Request request) {
        String uuid = request.uuid();
        // Answers under whatever id the asker expects would need the asker's view; it answers as its claimed id
        // and offers a proof it cannot have made.
        Message.IdProof fake = request.challenge() == null ? null : new Message.IdProof("-----BEGIN PUBLIC KEY-----\n"
            + "forged\n-----END PUBLIC KEY-----\n", new byte[] {1, 2, 3});
        if (request instanceof Message.Store s) {
            saw(s.item());
            return new Message.Pong(uuid, claimed, "0.0.0", fake);
        } else if (request instanceof Message.FindValue f) {
            Item old = oldest.get(f.key());
            // Its value answers name made-up contacts next to the key too, as its nodes answers do, so that a get
            // that must ask every node nearer the key than a holder asks liars.
            if (old != null) {
                return new Message.Value(uuid, claimed, "0.0.0", old, fake, bogus(f.key()));
            }
            if (!oldest.isEmpty() && random.nextBoolean()) {
                Item any = oldest.values().iterator().next();
                Item forged = new Item(f.key().toBytes(), "forged", any.timestamp() + 3600, any.expires(), any.name(),
                    any.meta(), any.createdWith(), any.publicKey(), any.sig());
                return new Message.Value(uuid, claimed, "0.0.0", forged, fake, bogus(f.key()));
            }
            return new Message.Nodes(uuid, claimed, "0.0.0", bogus(f.key()), fake);
        } else if (request instanceof Message.FindNode f) {
            return new Message.Nodes(uuid, claimed, "0.0.0", bogus(f.key()), fake);
        }
        return new Message.Pong(uuid, claimed, "0.0.0", fake);
    }

    /** K contacts with ids next to the target, at adversaries' addresses. */
    private List<Contact> bogus(NodeId target) {
        List<Contact> out = new ArrayList<>(k);
        for (int i = 0; i < k && !accomplices.isEmpty(); i++) {
            Contact a = accomplices.get(random.nextInt(accomplices.size()));
            out.add(new Contact(near(target, random), a.address(), a.port(), "0.0.0"));
        }
        return out;
    }
}
