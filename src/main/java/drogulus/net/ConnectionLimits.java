package drogulus.net;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/** Counts incoming connections, in all and per address, and refuses those over either limit. */
final class ConnectionLimits {
    private final int total;
    private final int perAddress;
    private final Map<InetAddress, Integer> byAddress = new HashMap<>();
    private int open;

    ConnectionLimits(int total, int perAddress) {
        this.total = total;
        this.perAddress = perAddress;
    }

    /** Counts a new connection from the address; false (and nothing counted) when it is over a limit. */
    synchronized boolean tryOpen(InetAddress address) {
        int mine = byAddress.getOrDefault(address, 0);
        if (open >= total || mine >= perAddress) {
            return false;
        }
        byAddress.put(address, mine + 1);
        open++;
        return true;
    }

    synchronized void closed(InetAddress address) {
        int mine = byAddress.getOrDefault(address, 0);
        if (mine <= 1) {
            byAddress.remove(address);
        } else {
            byAddress.put(address, mine - 1);
        }
        open--;
    }

    synchronized int open() {
        return open;
    }
}
