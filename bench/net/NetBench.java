// Load for bench/net/run, run as a single-file program on drogulus.jar's classpath:
//   java -cp target/drogulus.jar bench/net/NetBench.java MODE ...
// Modes:
//   rps HOST PORT TYPE CONNECTIONS DEPTH SECONDS   answers/s for ping or findvalue, pipelined DEPTH deep
//   fill HOST PORT ITEMS                           stores ITEMS signed items at the node
//   idle HOST PORT CONNECTIONS SECONDS             holds CONNECTIONS idle connections open
//   latency SEEDHOST:PORT OPS                      set and get OPS values through the network, median and p99
import drogulus.Version;
import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import drogulus.dht.Drogulus;
import drogulus.dht.MemoryStore;
import drogulus.dht.Message;
import drogulus.dht.MessageCodec;
import drogulus.dht.NodeConfig;
import drogulus.dht.NodeId;
import drogulus.net.NetConfig;
import drogulus.net.NetNode;
import drogulus.net.NetResources;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

public class NetBench {
    static final MessageCodec CODEC = new MessageCodec();
    static final NodeId ME = NodeId.random(new Random(1));

    public static void main(String[] a) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        switch (a[0]) {
            case "rps" -> rps(a[1], Integer.parseInt(a[2]), a[3], Integer.parseInt(a[4]), Integer.parseInt(a[5]),
                Integer.parseInt(a[6]));
            case "fill" -> fill(a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]));
            case "idle" -> idle(a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            case "latency" -> latency(a[1], Integer.parseInt(a[2]));
            default -> throw new IllegalArgumentException("unknown mode " + a[0]);
        }
    }

    static byte[] frame(Message m) {
        byte[] p = CODEC.encode(m);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((p.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(p);
        out.write(',');
        return out.toByteArray();
    }

    static Message read(InputStream in) throws IOException {
        int len = 0;
        int c;
        while ((c = in.read()) != ':') {
            if (c < 0) {
                throw new IOException("closed");
            }
            len = len * 10 + (c - '0');
        }
        byte[] p = in.readNBytes(len);
        in.read();
        return CODEC.decode(p);
    }

    static Item item(Identity who, int i) {
        return who.signItem("bench-" + i, "value number " + i + " " + "x".repeat(100), System.currentTimeMillis() / 1000.0, -1,
            Map.of());
    }

    static void rps(String host, int port, String type, int connections, int depth, int seconds) throws Exception {
        Identity who = Identity.generate();
        Item held = item(who, -1);
        try (Socket s = new Socket(host, port)) {
            s.getOutputStream().write(frame(new Message.Store("s", ME, "0", 1, held)));
            Message m = read(new BufferedInputStream(s.getInputStream()));
            if (!(m instanceof Message.Pong)) {
                throw new IllegalStateException("could not store the item to look up: " + m);
            }
        }
        Message request = type.equals("ping") ? new Message.Ping("q", ME, "0", 1)
            : new Message.FindValue("q", ME, "0", 1, NodeId.of(held.key()));
        byte[] one = frame(request);
        byte[] batch = new byte[one.length * depth];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(one, 0, batch, i * one.length, one.length);
        }
        AtomicLong answers = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long warm = System.nanoTime() + 2_000_000_000L;
        AtomicLong counted = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long[] startCount = new long[1];
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(host, port)) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
                    while (System.nanoTime() < end) {
                        out.write(batch);
                        for (int i = 0; i < depth; i++) {
                            Message m = read(in);
                            if (m instanceof Message.ErrorReply e) {
                                throw new IllegalStateException("error answer " + e);
                            }
                            if (System.nanoTime() > warm) {
                                counted.incrementAndGet();
                            }
                            answers.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double rate = counted.get() / (seconds - 2.0);
        System.out.printf("%s: %.0f answers/s over %d connections, %d deep (%d answers in %d s, first 2 s not counted)%n",
            type, rate, connections, depth, answers.get(), seconds);
    }

    static void fill(String host, int port, int items) throws Exception {
        Identity who = Identity.generate();
        try (Socket s = new Socket(host, port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            int sent = 0;
            int acked = 0;
            while (acked < items) {
                while (sent < items && sent - acked < 64) {
                    out.write(frame(new Message.Store("s" + sent, ME, "0", 1, item(who, sent))));
                    sent++;
                }
                Message m = read(in);
                if (!(m instanceof Message.Pong)) {
                    throw new IllegalStateException("store refused: " + m);
                }
                acked++;
            }
        }
        System.out.println("stored " + items + " items");
    }

    static void idle(String host, int port, int connections, int seconds) throws Exception {
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Socket s = new Socket(host, port);
            s.getOutputStream().write(frame(new Message.Ping("i" + i, ME, "0", 1)));
            open.add(s);
        }
        for (Socket s : open) {
            read(new BufferedInputStream(s.getInputStream()));
        }
        System.out.println("holding " + connections + " idle connections");
        System.out.flush();
        Thread.sleep(seconds * 1000L);
        for (Socket s : open) {
            s.close();
        }
    }

    static void latency(String seed, int ops) throws Exception {
        NodeConfig config = NodeConfig.defaults().withRates(0, 0);
        try (NetResources resources = NetResources.forThisMachine()) {
            NetNode writer = new NetNode(NodeId.random(new Random()), "127.0.0.1", 0, config, NetConfig.defaults(),
                new MemoryStore(), resources);
            NetNode reader = new NetNode(NodeId.random(new Random()), "127.0.0.1", 0, config, NetConfig.defaults(),
                new MemoryStore(), resources);
            writer.join(List.of(seed)).join();
            reader.join(List.of(seed)).join();
            Identity who = Identity.generate();
            Drogulus w = writer.drogulus(who);
            Drogulus r = reader.drogulus(who);
            long[] set = new long[ops];
            long[] get = new long[ops];
            for (int i = 0; i < ops; i++) {
                long t0 = System.nanoTime();
                w.set("lat-" + i, "value " + i, 3, Map.of(), -1).join();
                set[i] = System.nanoTime() - t0;
            }
            for (int i = 0; i < ops; i++) {
                long t0 = System.nanoTime();
                Object v = r.get(who.publicKeyPem(), "lat-" + i).join().value();
                get[i] = System.nanoTime() - t0;
                if (!("value " + i).equals(v)) {
                    throw new IllegalStateException("got " + v);
                }
            }
            System.out.printf("set: median %.1f ms, p99 %.1f ms (%d ops, 3 copies each)%n", pct(set, 50), pct(set, 99), ops);
            System.out.printf("get: median %.1f ms, p99 %.1f ms (%d ops, from another node that joined through the same seed)%n", pct(get, 50),
                pct(get, 99), ops);
            reader.close();
            writer.close();
        }
    }

    static double pct(long[] xs, int p) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1e6;
    }
}
