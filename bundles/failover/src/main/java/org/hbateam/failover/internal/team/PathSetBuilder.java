package org.hbateam.failover.internal.team;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.hbateam.api.scsi.Direction;
import org.hbateam.failover.internal.config.TeamSettings;
import org.hbateam.failover.internal.health.PathEntry;
import org.hbateam.failover.internal.health.PathIdentity;

/**
 * Builds a team's {@link TeamPathSet} from its entries and settings: orders the paths by priority and
 * turns the configured shares into one percentage per slot.
 *
 * <p>Order: the configured priority groups, best first, each in the order its ids are listed; paths that
 * no group names come last, by path id. Without groups, one group ordered by path id.
 *
 * <p>Shares: a path takes the entry naming its path id, else the entry naming its adapter. When the
 * entries that match present paths do not sum to 100 (a configured path is absent), the matched
 * percentages are scaled to 100 by largest remainder. With no entries, or none matching, every path gets
 * an equal share (the remainder going to the best-priority paths).
 */
final class PathSetBuilder {
    private PathSetBuilder() {
    }

    static TeamPathSet build(Collection<PathEntry> members, TeamSettings settings) {
        List<PathEntry> ordered = new ArrayList<>(members);
        List<List<String>> groups = settings.priorityGroups();
        ordered.sort(Comparator.<PathEntry>comparingInt(e -> groupOf(e, groups))
                .thenComparingInt(e -> positionInGroup(e, groups))
                .thenComparing(e -> e.identity.pathId()));
        PathEntry[] entries = ordered.toArray(new PathEntry[0]);
        int[] groupOfSlot = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            groupOfSlot[i] = groupOf(entries[i], groups);
        }
        return new TeamPathSet(entries, shares(entries, settings.readShares()), shares(entries, settings.writeShares()),
                groupOfSlot);
    }

    /** Entries of {@code shares} that name no path or adapter of {@code set}, for a warning. */
    static List<String> unknownShareIds(TeamPathSet set, List<TeamSettings.Share> shares) {
        List<String> unknown = new ArrayList<>();
        for (TeamSettings.Share share : shares) {
            boolean found = false;
            for (int i = 0; i < set.size() && !found; i++) {
                found = set.entry(i).identity.matches(share.idOrAdapter());
            }
            if (!found) {
                unknown.add(share.idOrAdapter());
            }
        }
        return unknown;
    }

    /**
     * The primary's slot: the configured primary (path id first, then adapter id); else a path that holds
     * 100% of the read or write share (the patent's failover mode, [0047]); else the first path.
     */
    static int primarySlot(TeamPathSet set, String primary) {
        if (!primary.isEmpty()) {
            for (int i = 0; i < set.size(); i++) {
                if (set.entry(i).identity.pathId().equals(primary)) {
                    return i;
                }
            }
            for (int i = 0; i < set.size(); i++) {
                if (set.entry(i).identity.adapterId().equals(primary)) {
                    return i;
                }
            }
        }
        for (int i = 0; i < set.size(); i++) {
            if (set.configuredShare(i, Direction.READ) >= 100 || set.configuredShare(i, Direction.WRITE) >= 100) {
                return i;
            }
        }
        return set.size() == 0 ? -1 : 0;
    }

    private static int groupOf(PathEntry entry, List<List<String>> groups) {
        for (int g = 0; g < groups.size(); g++) {
            for (String id : groups.get(g)) {
                if (entry.identity.matches(id)) {
                    return g;
                }
            }
        }
        return groups.size();
    }

    private static int positionInGroup(PathEntry entry, List<List<String>> groups) {
        for (List<String> group : groups) {
            for (int i = 0; i < group.size(); i++) {
                if (entry.identity.matches(group.get(i))) {
                    return i;
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    static int[] shares(PathEntry[] entries, List<TeamSettings.Share> configured) {
        int n = entries.length;
        int[] raw = new int[n];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            raw[i] = configuredPercent(entries[i].identity, configured);
            sum += raw[i];
        }
        if (n == 0) {
            return raw;
        }
        if (sum == 0) {
            return equal(n);
        }
        return sum == 100 ? raw : scaled(raw, sum);
    }

    private static int configuredPercent(PathIdentity identity, List<TeamSettings.Share> configured) {
        for (TeamSettings.Share share : configured) {
            if (share.idOrAdapter().equals(identity.pathId())) {
                return share.percent();
            }
        }
        for (TeamSettings.Share share : configured) {
            if (share.idOrAdapter().equals(identity.adapterId())) {
                return share.percent();
            }
        }
        return 0;
    }

    private static int[] equal(int n) {
        int[] shares = new int[n];
        for (int i = 0; i < n; i++) {
            shares[i] = 100 / n + (i < 100 % n ? 1 : 0);
        }
        return shares;
    }

    private static int[] scaled(int[] raw, int sum) {
        int n = raw.length;
        int[] shares = new int[n];
        long[] remainders = new long[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            shares[i] = raw[i] * 100 / sum;
            remainders[i] = (long) raw[i] * 100 % sum;
            given += shares[i];
        }
        while (given < 100) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            given++;
        }
        return shares;
    }
}
