package org.hbateam.failover.internal.config;

import java.util.ArrayList;
import java.util.List;

import org.hbateam.api.scsi.DeviceIdentification;

/**
 * One team's validated settings (factory PID {@code org.hbateam.team}); see {@link TeamConfiguration}.
 * A team with no configuration uses {@link #defaults}.
 *
 * @param noPathRetryMs    -1 for the global value
 * @param failback         null for the global value
 * @param failbackStableMs -1 for the global value
 */
public record TeamSettings(String luIdentity, String name, String policy, List<Share> readShares, List<Share> writeShares,
                    boolean failoverOnly, String primary, List<List<String>> priorityGroups, long noPathRetryMs,
                    Failback failback, long failbackStableMs) {
    public static final String PID = "org.hbateam.team";

    /** One share entry: an adapter or path id and its percentage. */
    public record Share(String idOrAdapter, int percent) {
    }

    /** The settings of a team with no configuration, using {@code defaultPolicy}. */
    public static TeamSettings defaults(String luIdentity, String defaultPolicy) {
        return new TeamSettings(luIdentity, luIdentity, defaultPolicy, List.of(), List.of(), false, "", List.of(), -1,
                null, -1);
    }

    /**
     * What a team runs with when its configuration is rejected and no good one came before: its LU and name (so
     * scripts that address it keep working), failover-only, everything else from the global defaults. Null when
     * the configuration names no LU.
     */
    public static TeamSettings failoverOnlyStandIn(TeamConfiguration c) {
        String lu = trim(c.luIdentity());
        if (lu.isEmpty()) {
            return null;
        }
        String name = trim(c.name()).isEmpty() ? lu : trim(c.name());
        String policy = PolicyFilter.isValidPolicyName(trim(c.policy())) ? trim(c.policy()) : "static";
        return new TeamSettings(lu, name, policy, List.of(), List.of(), true, "", List.of(), -1, null, -1);
    }

    /** Validates a configuration; the exception names the first bad key. */
    public static TeamSettings from(TeamConfiguration c) throws InvalidConfigurationException {
        // The identity as hbateam:teams shows it, or the raw designator a driver reported: both name one team.
        String lu = DeviceIdentification.replaceWhitespace(trim(c.luIdentity()));
        if (lu.isEmpty()) {
            throw new InvalidConfigurationException(PID, "luIdentity", "must name the LU identity of the team's paths");
        }
        String policy = trim(c.policy());
        if (!PolicyFilter.isValidPolicyName(policy)) {
            throw new InvalidConfigurationException(PID, "policy", "'" + c.policy() + "' is not a policy name");
        }
        String mode = trim(c.mode());
        if (!mode.equals("balance") && !mode.equals("failover-only")) {
            throw new InvalidConfigurationException(PID, "mode", "'" + c.mode() + "' is not balance or failover-only");
        }
        Failback failback = null;
        if (!trim(c.failback()).isEmpty()) {
            failback = Failback.parse(trim(c.failback()));
            if (failback == null) {
                throw new InvalidConfigurationException(PID, "failback", "'" + c.failback() + "' is not immediate, manual or stable");
            }
        }
        range("noPathRetryMs", c.noPathRetryMs(), -1, 86_400_000);
        range("failbackStableMs", c.failbackStableMs(), -1, 3_600_000);
        String name = trim(c.name()).isEmpty() ? lu : trim(c.name());
        if (!DeviceIdentification.replaceWhitespace(name).equals(name)) {
            throw new InvalidConfigurationException(PID, "name", "'" + c.name() + "' contains blanks; a team name must not");
        }
        return new TeamSettings(lu, name, policy, shares("readShares", c.readShares()), shares("writeShares", c.writeShares()),
                mode.equals("failover-only"), trim(c.primary()), groups(c.priorityGroups()), c.noPathRetryMs(),
                failback, c.failbackStableMs());
    }

    static List<Share> shares(String key, String[] entries) throws InvalidConfigurationException {
        if (entries == null || entries.length == 0) {
            return List.of();
        }
        List<Share> shares = new ArrayList<>();
        int sum = 0;
        for (String entry : splitEach(entries, ",")) {
            int eq = entry == null ? -1 : entry.indexOf('=');
            if (eq <= 0) {
                throw new InvalidConfigurationException(PID, key, "entry '" + entry + "' is not adapterOrPathId=percent");
            }
            String id = entry.substring(0, eq).trim();
            int percent;
            try {
                percent = Integer.parseInt(entry.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(PID, key, "entry '" + entry + "' has no whole percentage");
            }
            if (percent < 0 || percent > 100) {
                throw new InvalidConfigurationException(PID, key, "entry '" + entry + "' is outside 0 to 100");
            }
            for (Share s : shares) {
                if (s.idOrAdapter().equals(id)) {
                    throw new InvalidConfigurationException(PID, key, "'" + id + "' appears twice");
                }
            }
            shares.add(new Share(id, percent));
            sum += percent;
        }
        if (sum != 100) {
            throw new InvalidConfigurationException(PID, key, "percentages sum to " + sum + ", not 100");
        }
        return List.copyOf(shares);
    }

    /**
     * Each entry split at {@code separator}: a hand-written {@code .cfg} file gives a list as one string
     * ({@code readShares = hba0=70,hba1=30}), while Config Admin and a {@code .config} file give an array.
     */
    private static List<String> splitEach(String[] entries, String separator) {
        List<String> parts = new ArrayList<>();
        for (String entry : entries) {
            if (entry == null) {
                parts.add(null);
                continue;
            }
            for (String part : entry.split(separator, -1)) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    private static List<List<String>> groups(String[] entries) {
        List<List<String>> groups = new ArrayList<>();
        if (entries != null) {
            for (String entry : splitEach(entries, ";")) {
                List<String> group = new ArrayList<>();
                for (String id : entry.split(",")) {
                    if (!id.isBlank()) {
                        group.add(id.trim());
                    }
                }
                if (!group.isEmpty()) {
                    groups.add(List.copyOf(group));
                }
            }
        }
        return List.copyOf(groups);
    }

    private static void range(String key, long value, long min, long max) throws InvalidConfigurationException {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(PID, key, value + " is outside " + min + " to " + max);
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    TeamSettings withPolicy(String newPolicy) {
        return new TeamSettings(luIdentity, name, newPolicy, readShares, writeShares, failoverOnly, primary,
                priorityGroups, noPathRetryMs, failback, failbackStableMs);
    }
}
