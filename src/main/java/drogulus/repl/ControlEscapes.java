package drogulus.repl;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Shows control characters as {@code \u001b}-style escapes instead of passing them to the terminal, so that text
 * printed by sandboxed code cannot move the cursor, retitle the window or otherwise drive the terminal. Newlines
 * and tabs pass. Works on UTF-8 bytes: C0 controls and DEL are single bytes; C1 controls (U+0080 to U+009F,
 * which some terminals obey) are 0xC2 followed by 0x80 to 0x9F.
 */
final class ControlEscapes extends FilterOutputStream {
    private static final int C1_LEAD = 0xC2;
    private boolean heldLead;

    ControlEscapes(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        int value = b & 0xff;
        if (heldLead) {
            heldLead = false;
            if (value >= 0x80 && value <= 0x9f) {
                escape(value);
                return;
            }
            out.write(C1_LEAD);
        }
        if (value == C1_LEAD) {
            heldLead = true;
        } else if ((value < 0x20 && value != '\n' && value != '\t') || value == 0x7f) {
            escape(value);
        } else {
            out.write(value);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        // A lead byte held over a flush is the start of an ordinary character whose second byte comes next.
        out.flush();
    }

    private void escape(int codePoint) throws IOException {
        out.write(String.format("\\u%04x", codePoint).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
