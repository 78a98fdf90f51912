package drogulus.dht;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The network an address belongs to, as the routing table limits contacts per network. */
final class Networks {
    private Networks() {
    }

    /**
     * "a.b.c" for an IPv4 address (its /24), the first four groups for an IPv6 one (its /64), or null for loopback
     * and for names that are not IP literals, which are never resolved here.
     */
    static String of(String address) {
        if (address.indexOf(':') < 0) {
            int dots = 0;
            for (int i = 0; i < address.length(); i++) {
                char c = address.charAt(i);
                if (c == '.') {
                    dots++;
                } else if (c < '0' || c > '9') {
                    return null;
                }
            }
            if (dots != 3 || address.startsWith("127.") || address.equals("0.0.0.0")) {
                return null;
            }
            return "4:" + address.substring(0, address.lastIndexOf('.'));
        }
        byte[] b;
        try {
            InetAddress ip = InetAddress.getByName(address);
            if (ip.isLoopbackAddress() || ip.isAnyLocalAddress()) {
                return null;
            }
            b = ip.getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
        StringBuilder s = new StringBuilder("6:");
        for (int i = 0; i < Math.min(8, b.length); i++) {
            s.append(b[i] & 0xff).append('.');
        }
        return s.toString();
    }

    /** Whether the address could be a peer's: an IP literal or host name, not a wildcard or broadcast. */
    static boolean plausible(String address, int port) {
        if (port < 1 || port > 65_535 || address.isEmpty() || address.length() > 253) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean ascii = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!(ascii || c == '.' || c == '-' || c == ':' || c == '_'
                || (c > 127 && Character.isLetterOrDigit(c)))) {
                return false;
            }
        }
        return !address.equals("0.0.0.0") && !address.equals("::") && !address.equals("255.255.255.255");
    }
}
