package org.hbateam.management.internal.web;

/** A minimal JSON writer: enough for the status document, with correct string escaping. */
final class Json {
    private final StringBuilder out = new StringBuilder(4096);
    private boolean needComma;

    Json beginObject() {
        return open('{');
    }

    Json endObject() {
        return close('}');
    }

    Json beginArray() {
        return open('[');
    }

    Json endArray() {
        return close(']');
    }

    /** Starts a member of the enclosing object; follow with a value or a begin. */
    Json name(String name) {
        comma();
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    Json value(String value) {
        comma();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needComma = true;
        return this;
    }

    Json value(long value) {
        comma();
        out.append(value);
        needComma = true;
        return this;
    }

    /** Non-finite numbers have no JSON form; they are written as 0. */
    Json value(double value) {
        comma();
        out.append(Double.isFinite(value) ? Math.round(value * 100) / 100.0 : 0);
        needComma = true;
        return this;
    }

    Json value(boolean value) {
        comma();
        out.append(value);
        needComma = true;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private Json open(char bracket) {
        comma();
        out.append(bracket);
        needComma = false;
        return this;
    }

    private Json close(char bracket) {
        out.append(bracket);
        needComma = true;
        return this;
    }

    private void comma() {
        if (needComma) {
            out.append(',');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        // also escapes markup characters, so the document is safe wherever a page puts it
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
