package drogulus;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * The version of this code. It is written in one place, the pom; Maven copies it into version.properties, and
 * the seed's tuple (major, minor, release, status, serial) is made from it: 0.1.0 is (0, 1, 0, "final", 0), a
 * -SNAPSHOT build is "alpha".
 */
public final class Version {
    private static final String TEXT = load();

    /** Major, minor, release, status (alpha or final), serial. */
    public static final List<Object> VERSION = tuple(TEXT);

    private Version() {
    }

    /** The version as the pom gives it, such as {@code 0.1.0}; what -V prints and items record. */
    public static String getVersion() {
        return TEXT;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "0.0.0-unknown";
        }
        String version = properties.getProperty("version", "0.0.0-unknown");
        return version.startsWith("${") ? "0.0.0-unknown" : version;
    }

    static List<Object> tuple(String version) {
        String status = version.contains("-") ? "alpha" : "final";
        String[] parts = version.replaceFirst("-.*", "").split("\\.", -1);
        Object[] numbers = {0, 0, 0};
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                numbers[i] = 0;
            }
        }
        return List.of(numbers[0], numbers[1], numbers[2], status, 0);
    }
}
