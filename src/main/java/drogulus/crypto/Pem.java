package drogulus.crypto;

import java.util.Base64;

/**
 * PEM text: a BEGIN line, the DER bytes in base64 lines of 64 characters, an END line. Written with "\n"
 * line ends whatever the platform, because the public key's text is hashed into node ids and DHT keys.
 */
final class Pem {
    static final String PUBLIC_KEY = "PUBLIC KEY";
    static final String PRIVATE_KEY = "PRIVATE KEY";

    private Pem() {
    }

    static String write(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes inside PEM text of this label; throws IllegalArgumentException saying what is wrong. */
    static byte[] read(String label, String text) {
        if (text == null) {
            throw new IllegalArgumentException("no PEM text");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        String trimmed = text.strip();
        if (!trimmed.startsWith(begin)) {
            throw new IllegalArgumentException("it does not start with " + begin);
        }
        if (!trimmed.endsWith(end)) {
            throw new IllegalArgumentException("it does not end with " + end);
        }
        String body = trimmed.substring(begin.length(), trimmed.length() - end.length());
        StringBuilder base64 = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                base64.append(c);
            }
        }
        if (base64.length() == 0) {
            throw new IllegalArgumentException("it holds no key between its BEGIN and END lines");
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its body is not valid base64", e);
        }
    }
}
