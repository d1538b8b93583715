package org.hbateam.driver.iscsi.internal.login;

import java.net.InetSocketAddress;

/** A target portal: host and TCP port. */
public record Portal(String host, int port) {
    public static final int DEFAULT_PORT = 3260;

    public Portal {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the portal host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the portal port must be in [1, 65535], was " + port);
        }
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [v6]:port}, optionally followed by {@code ,tpgt}
     * as in a TargetAddress value.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Portal parse(String text) {
        String s = text.trim();
        int comma = s.lastIndexOf(',');
        if (comma >= 0 && s.lastIndexOf(']') < comma) {
            s = s.substring(0, comma);
        }
        String host = s;
        int port = DEFAULT_PORT;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unbalanced '[' in portal " + text);
            }
            host = s.substring(1, close);
            if (s.length() > close + 1) {
                port = port(s.substring(close + 1), text);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s.substring(s.indexOf(':')), text);
        }
        return new Portal(host, port);
    }

    private static int port(String colonPort, String text) {
        if (!colonPort.startsWith(":")) {
            throw new IllegalArgumentException("expected ':port' in portal " + text);
        }
        try {
            return Integer.parseInt(colonPort.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of portal " + text + " is not a number");
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
