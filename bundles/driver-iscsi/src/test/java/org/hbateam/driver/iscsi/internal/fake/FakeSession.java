package org.hbateam.driver.iscsi.internal.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake target's view of one session: its CmdSN sequence, which all its connections share (as tgtd keeps it:
 * a command that arrives ahead of a gap waits until the gap is filled), and its connections by CID.
 */
final class FakeSession {
    private final FakeTarget target;
    final Map<Integer, FakeConnection> connections = new ConcurrentHashMap<>();
    /** The CmdSNs that arrived ahead of ExpCmdSN, waiting for the gap before them. */
    private final TreeSet<Integer> early = new TreeSet<>((a, b) -> Integer.compare(a - b, 0));
    private int expCmdSn;
    private boolean joined;

    FakeSession(FakeTarget target, int firstCmdSn) {
        this.target = target;
        this.expCmdSn = firstCmdSn;
    }

    synchronized int expCmdSn() {
        return expCmdSn;
    }

    synchronized void join(int cid, FakeConnection connection) {
        joined |= !connections.isEmpty();
        connections.put(cid, connection);
    }

    /**
     * Counts {@code cmdSn} received on connection {@code cid}. A single connection must send in order; several may
     * overtake each other, but no CmdSN may come twice or beyond the window.
     */
    synchronized void received(int cid, int cmdSn) {
        target.cmdSnsByCid.computeIfAbsent(cid, c -> java.util.Collections.synchronizedList(new ArrayList<>())).add(cmdSn);
        int maxCmdSn = expCmdSn + target.window - 1;
        if (maxCmdSn - cmdSn < 0) {
            target.violations.add("CmdSN " + cmdSn + " beyond MaxCmdSN " + maxCmdSn);
        }
        if (cmdSn - expCmdSn < 0 || early.contains(cmdSn)) {
            target.violations.add("CmdSN " + cmdSn + " used twice");
            return;
        }
        if (cmdSn != expCmdSn && !joined) {
            target.violations.add("CmdSN " + cmdSn + " out of order, expected " + expCmdSn);
            expCmdSn = cmdSn;
        }
        early.add(cmdSn);
        while (early.remove(expCmdSn)) {
            expCmdSn++;
        }
    }

    /** The CmdSNs still missing before the ones that arrived early: gaps that hold the session back. */
    synchronized List<Integer> gaps() {
        List<Integer> gaps = new ArrayList<>();
        if (!early.isEmpty()) {
            for (int sn = expCmdSn; sn - early.last() < 0; sn++) {
                if (!early.contains(sn)) {
                    gaps.add(sn);
                }
            }
        }
        return gaps;
    }
}
