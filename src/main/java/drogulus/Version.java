package drogulus;

import java.util.List;

/** The version of this code, as the seed's tuple (major, minor, release, status, serial) and its string. */
public final class Version {
    /** Major, minor, release, status (alpha, beta or final), serial. */
    public static final List<Object> VERSION = List.of(0, 0, 0, "alpha", 0);

    private Version() {
    }

    /** The tuple's parts joined by dots, as the seed's get_version: {@code 0.0.0.alpha.0}. */
    public static String getVersion() {
        StringBuilder out = new StringBuilder();
        for (Object part : VERSION) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(part);
        }
        return out.toString();
    }
}
