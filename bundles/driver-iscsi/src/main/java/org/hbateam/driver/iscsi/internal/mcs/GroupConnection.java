package org.hbateam.driver.iscsi.internal.mcs;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One connection of a connection-based (MC/S) adapter group: the adapter id its paths carry and the local address
 * its connection is bound to. Configured as {@code ADAPTER_ID@LOCAL_ADDRESS}, the i-th entry going to the i-th
 * portal; CID i.
 */
public record GroupConnection(String adapterId, InetSocketAddress localAddress) {
    /** The configuration key these entries come from, which every validation message names. */
    public static final String KEY = "connections";
    /** The most connections one session gets here; each needs its own initiator task tags. */
    public static final int MAX = 8;

    /**
     * Parses the entries for {@code portalCount} portals: none (session-based teaming), or one per portal, 2 to
     * {@link #MAX}, with distinct adapter ids and addresses.
     *
     * @throws IllegalArgumentException naming {@value #KEY} and what is wrong
     */
    public static List<GroupConnection> parse(List<String> entries, int portalCount) {
        if (entries.isEmpty()) {
            return List.of();
        }
        if (entries.size() != portalCount || entries.size() < 2 || entries.size() > MAX) {
            throw new IllegalArgumentException(KEY + ": must have one entry per portal, 2 to " + MAX + "; "
                    + entries.size() + " entries for " + portalCount + " portals");
        }
        List<GroupConnection> connections = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<InetSocketAddress> addresses = new HashSet<>();
        for (String entry : entries) {
            GroupConnection connection = parseOne(entry.trim());
            if (!ids.add(connection.adapterId()) || !addresses.add(connection.localAddress())) {
                throw new IllegalArgumentException(KEY + ": adapter ids and local addresses must differ between "
                        + "entries, '" + entry.trim() + "' repeats one");
            }
            connections.add(connection);
        }
        return List.copyOf(connections);
    }

    private static GroupConnection parseOne(String entry) {
        int at = entry.indexOf('@');
        String id = at < 0 ? "" : entry.substring(0, at);
        String address = at < 0 ? "" : entry.substring(at + 1);
        if (!id.matches("[A-Za-z0-9._-]{1,64}") || !address.matches("[0-9.]+|[0-9A-Fa-f:.%a-z]*:[0-9A-Fa-f:.%a-z]*")) {
            throw new IllegalArgumentException(KEY + ": each entry is ADAPTER_ID@LOCAL_ADDRESS (an id of 1 to 64 "
                    + "letters, digits, '.', '_' or '-', and an IP address literal), was '" + entry + "'");
        }
        try {
            return new GroupConnection(id, new InetSocketAddress(InetAddress.getByName(address), 0));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(KEY + ": not a valid IP address in '" + entry + "'");
        }
    }
}
