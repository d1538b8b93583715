package org.hbateam.driver.iscsi.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.hbateam.driver.iscsi.internal.mcs.GroupConnection;

/**
 * A validated adapter configuration. {@link #from} rejects bad values with an
 * {@link IllegalArgumentException} whose message names the key and the reason, never a secret's value.
 * Harnesses and tests build one with {@link #builder}, which starts from the declared defaults.
 */
public record AdapterSettings(String name, InetSocketAddress localAddress, String initiatorName, List<Portal> portals,
                       List<String> targets, ChapCredentials chap, Proposal proposal, int loginTimeoutMs,
                       int nopIntervalMs, int nopTimeoutMs, int taskManagementTimeoutMs, int reconnectDelayMs,
                       int reconnectMaxDelayMs, List<GroupConnection> connections) {
    public static final String PID = "org.hbateam.iscsi.adapter";
    /** The declared defaults of the timing keys, as {@link IscsiAdapterConfiguration} declares them. */
    public static final int DEFAULT_LOGIN_TIMEOUT_MS = 10000;
    public static final int DEFAULT_NOP_INTERVAL_MS = 1000;
    public static final int DEFAULT_NOP_TIMEOUT_MS = 2000;
    public static final int DEFAULT_TASK_MANAGEMENT_TIMEOUT_MS = 10000;
    public static final int DEFAULT_RECONNECT_DELAY_MS = 1000;
    public static final int DEFAULT_RECONNECT_MAX_DELAY_MS = 1000;

    /**
     * Settings for adapter {@code name} logging in as {@code initiatorName} to {@code portals}: by SendTargets, no
     * CHAP, the default login proposal and the declared default timings, each replaceable before {@link Builder#build}.
     */
    public static Builder builder(String name, String initiatorName, List<Portal> portals) {
        return new Builder(name, initiatorName, portals);
    }

    /** Session-based teaming: no connection group. */
    AdapterSettings(String name, InetSocketAddress localAddress, String initiatorName, List<Portal> portals,
                    List<String> targets, ChapCredentials chap, Proposal proposal, int loginTimeoutMs, int nopIntervalMs,
                    int nopTimeoutMs, int taskManagementTimeoutMs, int reconnectDelayMs, int reconnectMaxDelayMs) {
        this(name, localAddress, initiatorName, portals, targets, chap, proposal, loginTimeoutMs, nopIntervalMs,
                nopTimeoutMs, taskManagementTimeoutMs, reconnectDelayMs, reconnectMaxDelayMs, List.of());
    }

    /** True when the portals are reached by one session per target whose connections span adapters (MC/S). */
    boolean connectionBased() {
        return !connections.isEmpty();
    }

    /** Validates {@code c}; an empty {@code initiatorName} means {@code hostInitiatorName}. */
    static AdapterSettings from(IscsiAdapterConfiguration c, String hostInitiatorName) {
        String name = require("name", c.name(), c.name() != null && c.name().matches("[A-Za-z0-9._-]{1,64}"),
                "must be 1 to 64 letters, digits, '.', '_' or '-'");
        InetSocketAddress local = localAddress(c.localAddress());
        String initiator = iscsiName("initiatorName", c.initiatorName() == null || c.initiatorName().isEmpty()
                ? hostInitiatorName : c.initiatorName());
        List<Portal> portals = portals(ConfigList.elements("portals", c.portals()));
        List<String> targets = new ArrayList<>();
        for (String target : ConfigList.elements("targets", c.targets())) {
            targets.add(iscsiName("targets", target));
        }
        ChapCredentials chap = chap(c);
        boolean headerDigest = digest("headerDigest", c.headerDigest());
        boolean dataDigest = digest("dataDigest", c.dataDigest());
        int maxBurst = range("maxBurstLength", c.maxBurstLength(), 512, 16777215);
        int firstBurst = range("firstBurstLength", c.firstBurstLength(), 512, maxBurst);
        int mrdsl = range("maxRecvDataSegmentLength", c.maxRecvDataSegmentLength(), 512, 16777215);
        List<GroupConnection> connections = connections(c, portals.size(), local, targets);
        Proposal proposal = new Proposal(headerDigest, dataDigest, mrdsl, maxBurst, firstBurst, c.initialR2T(),
                c.immediateData(), Math.max(1, connections.size()));
        return new AdapterSettings(name, local, initiator, portals, List.copyOf(targets), chap, proposal,
                range("loginTimeoutMs", c.loginTimeoutMs(), 100, 600000),
                range("nopIntervalMs", c.nopIntervalMs(), 100, 3600000),
                range("nopTimeoutMs", c.nopTimeoutMs(), 100, 3600000),
                range("taskManagementTimeoutMs", c.taskManagementTimeoutMs(), 100, 600000),
                range("reconnectDelayMs", c.reconnectDelayMs(), 10, 600000),
                range("reconnectMaxDelayMs", c.reconnectMaxDelayMs(), reconnectDelay(c), 600000), connections);
    }

    /** The connection group, checked against the keys it replaces: each entry brings its own local address. */
    private static List<GroupConnection> connections(IscsiAdapterConfiguration c, int portalCount,
                                                     InetSocketAddress local, List<String> targets) {
        List<GroupConnection> connections = GroupConnection.parse(ConfigList.elements(GroupConnection.KEY,
                c.connections()), portalCount);
        if (!connections.isEmpty() && local != null) {
            throw new IllegalArgumentException("localAddress: must be empty when " + GroupConnection.KEY
                    + " is set, whose entries name each connection's local address");
        }
        if (!connections.isEmpty() && targets.isEmpty()) {
            throw new IllegalArgumentException("targets: required when " + GroupConnection.KEY + " is set; "
                    + "SendTargets discovery is for session-based adapters");
        }
        return connections;
    }

    /** The first delay, which the cap must not undercut: a cap below it would silently shorten it. */
    private static int reconnectDelay(IscsiAdapterConfiguration c) {
        int first = c.reconnectDelayMs();
        if (c.reconnectMaxDelayMs() < first) {
            throw new IllegalArgumentException("reconnectMaxDelayMs: must be at least reconnectDelayMs (" + first
                    + "), was " + c.reconnectMaxDelayMs());
        }
        return Math.max(10, first);
    }

    private static InetSocketAddress localAddress(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.trim().matches("[0-9.]+|[0-9A-Fa-f:.%a-z]*:[0-9A-Fa-f:.%a-z]*")) {
            throw new IllegalArgumentException("localAddress: must be an IP address literal, was " + value);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(value.trim()), 0);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("localAddress: not a valid IP address: " + value);
        }
    }

    private static List<Portal> portals(List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("portals: at least one host:port is required");
        }
        List<Portal> portals = new ArrayList<>();
        for (String value : values) {
            try {
                portals.add(Portal.parse(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("portals: " + e.getMessage());
            }
        }
        return List.copyOf(portals);
    }

    private static ChapCredentials chap(IscsiAdapterConfiguration c) {
        boolean user = c.chapUser() != null && !c.chapUser().isBlank();
        boolean mutualUser = c.mutualChapUser() != null && !c.mutualChapUser().isBlank();
        if (user && (c.chapSecret() == null || c.chapSecret().isEmpty())) {
            throw new IllegalArgumentException("chapSecret: required when chapUser is set");
        }
        if (mutualUser && !user) {
            throw new IllegalArgumentException("mutualChapUser: mutual CHAP needs chapUser as well");
        }
        if (mutualUser && (c.mutualChapSecret() == null || c.mutualChapSecret().isEmpty())) {
            throw new IllegalArgumentException("mutualChapSecret: required when mutualChapUser is set");
        }
        return new ChapCredentials(c.chapUser(), c.chapSecret(), c.mutualChapUser(), c.mutualChapSecret());
    }

    private static boolean digest(String key, String value) {
        if ("CRC32C".equals(value)) {
            return true;
        }
        require(key, value, "None".equals(value), "must be None or CRC32C");
        return false;
    }

    private static String iscsiName(String key, String value) {
        return require(key, value, value != null && value.matches("(iqn|eui|naa)\\.[^\\s]{1,220}"),
                "must be an iSCSI name starting with iqn., eui. or naa.");
    }

    private static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    private static String require(String key, String value, boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(key + ": " + rule + ", was '" + value + "'");
        }
        return value;
    }

    /** Settings built from the declared defaults; not validated, as tests also need values a configuration can't give. */
    public static final class Builder {
        private final String name;
        private final String initiatorName;
        private final List<Portal> portals;
        private InetSocketAddress localAddress;
        private List<String> targets = List.of();
        private ChapCredentials chap = ChapCredentials.none();
        private Proposal proposal = Proposal.defaults();
        private int loginTimeoutMs = DEFAULT_LOGIN_TIMEOUT_MS;
        private int nopIntervalMs = DEFAULT_NOP_INTERVAL_MS;
        private int nopTimeoutMs = DEFAULT_NOP_TIMEOUT_MS;
        private int taskManagementTimeoutMs = DEFAULT_TASK_MANAGEMENT_TIMEOUT_MS;
        private int reconnectDelayMs = DEFAULT_RECONNECT_DELAY_MS;
        private int reconnectMaxDelayMs = DEFAULT_RECONNECT_MAX_DELAY_MS;
        private List<GroupConnection> connections = List.of();

        private Builder(String name, String initiatorName, List<Portal> portals) {
            this.name = name;
            this.initiatorName = initiatorName;
            this.portals = List.copyOf(portals);
        }

        /** The local address to bind to (port 0), or null for any. */
        public Builder localAddress(InetSocketAddress address) {
            this.localAddress = address;
            return this;
        }

        /** The targets to log in to; empty for SendTargets discovery. */
        public Builder targets(List<String> iqns) {
            this.targets = List.copyOf(iqns);
            return this;
        }

        public Builder chap(ChapCredentials credentials) {
            this.chap = credentials;
            return this;
        }

        public Builder proposal(Proposal loginProposal) {
            this.proposal = loginProposal;
            return this;
        }

        public Builder loginTimeoutMs(int millis) {
            this.loginTimeoutMs = millis;
            return this;
        }

        public Builder nop(int intervalMs, int timeoutMs) {
            this.nopIntervalMs = intervalMs;
            this.nopTimeoutMs = timeoutMs;
            return this;
        }

        public Builder taskManagementTimeoutMs(int millis) {
            this.taskManagementTimeoutMs = millis;
            return this;
        }

        /** The first reconnect delay and its cap. */
        public Builder reconnect(int delayMs, int maxDelayMs) {
            this.reconnectDelayMs = delayMs;
            this.reconnectMaxDelayMs = maxDelayMs;
            return this;
        }

        /** Connection-based teaming: one connection per portal, in order, each from its adapter's address. */
        public Builder connections(List<GroupConnection> group) {
            this.connections = List.copyOf(group);
            return this;
        }

        public AdapterSettings build() {
            return new AdapterSettings(name, localAddress, initiatorName, portals, targets, chap, proposal,
                    loginTimeoutMs, nopIntervalMs, nopTimeoutMs, taskManagementTimeoutMs, reconnectDelayMs,
                    reconnectMaxDelayMs, connections);
        }
    }
}
