package org.hbateam.driver.iscsi.internal.pdu;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The key=value text format of Login and Text PDUs (RFC 7143 6.1): UTF-8 pairs, each ended by a NUL. */
public final class TextKeys {
    private TextKeys() {
    }

    /** Encodes the pairs in map order. */
    public static ByteBuffer encode(Map<String, String> keys) {
        StringBuilder text = new StringBuilder();
        keys.forEach((k, v) -> text.append(k).append('=').append(v).append('\0'));
        return ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes pairs from the buffer's position to its limit into a map; a key may appear once.
     *
     * @throws ProtocolException when a pair has no '=' or a key repeats
     */
    public static Map<String, String> decode(ByteBuffer text) throws ProtocolException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : decodePairs(text)) {
            if (keys.put(pair.getKey(), pair.getValue()) != null) {
                throw new ProtocolException("text key " + printable(pair.getKey()) + " repeated in one PDU");
            }
        }
        return keys;
    }

    /** Decodes pairs in order, repeats allowed (SendTargets answers repeat TargetName). Trailing NULs are allowed. */
    public static List<Map.Entry<String, String>> decodePairs(ByteBuffer text) throws ProtocolException {
        byte[] raw = new byte[text.remaining()];
        text.duplicate().get(raw);
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : new String(raw, StandardCharsets.UTF_8).split("\0")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ProtocolException("malformed text key (no '='): " + printable(pair));
            }
            pairs.add(Map.entry(pair.substring(0, eq), pair.substring(eq + 1)));
        }
        return pairs;
    }

    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
