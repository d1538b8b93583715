package org.hbateam.driver.iscsi.internal.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.connection.ControlPdu;
import org.hbateam.driver.iscsi.internal.connection.Logout;
import org.hbateam.driver.iscsi.internal.connection.LogoutMishandled;

/**
 * The fence of a dead connection of a multi-connection session, sent over this healthy one: a Logout Request with
 * reason "close the connection" and the dead connection's CID (RFC 7143 11.14). At ErrorRecoveryLevel 0 the
 * target's Logout Response says that the tasks allegiant to that connection are terminated, so nothing the dead
 * connection carried will still run. Only a target that keeps this connection open after answering has understood
 * the request: one that closes it took the Logout for this connection (tgtd ignores the reason and the CID), and
 * the dead connection's tasks may still be alive there. A NOP-Out round trip after the answer tells the two apart.
 *
 * <p>Once fenced, the CmdSNs that the dead connection held and the target never received are filled with
 * non-immediate NOP-Outs, or the gaps would hold back every later command of the session at the target.
 */
final class ConnectionLogouts {
    private static final int LOGOUT_SUCCESSFUL = 0;

    private final Session carrier;
    /** Logout Requests for other connections awaiting their answer, by tag. */
    private final Map<Integer, CompletableFuture<Integer>> pending = new ConcurrentHashMap<>();

    ConnectionLogouts(Session carrier) {
        this.carrier = carrier;
    }

    /**
     * Fences {@code dead}, another connection of this session that has ended: completes once the target confirmed
     * the Logout of its CID and this connection is proven alive after it; fails with the reason otherwise: no answer
     * within {@code timeoutMs} (a {@link java.util.concurrent.TimeoutException}), this connection ending first, or
     * {@link LogoutMishandled} for a refusal or this connection closed by the target right after its answer.
     */
    CompletionStage<Void> fence(Session dead, long timeoutMs) {
        if (dead.window != carrier.window || dead.cid() == carrier.cid()) {
            throw new IllegalArgumentException(dead + " is not another connection of " + carrier);
        }
        return closeConnection(dead.cid()).orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .thenCompose(response -> requireSuccess(response, dead))
                .thenCompose(ignored -> carrierAlive(timeoutMs, dead))
                .thenRun(() -> {
                    fillGaps(dead.orphanedCmdSns);
                    dead.provenGone();
                });
    }

    /** Sends the Logout Request for connection {@code cid}; completes with the target's response code. */
    private CompletableFuture<Integer> closeConnection(int cid) {
        int tag = carrier.nextControlTag();
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        pending.put(tag, answer);
        answer.whenComplete((response, error) -> pending.remove(tag));
        if (!carrier.isOpen()) {
            answer.completeExceptionally(new IllegalStateException(carrier + " ended before the Logout was sent"));
        } else {
            carrier.writer.push(Logout.closeConnection(tag, cid));
        }
        return answer;
    }

    private static CompletionStage<Void> requireSuccess(int response, Session dead) {
        if (response != LOGOUT_SUCCESSFUL) {
            return CompletableFuture.failedFuture(new LogoutMishandled("the target answered the Logout of CID "
                    + dead.cid() + " with response " + response + ", not 0 (successful)"));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** A NOP-Out round trip on this connection after the Logout Response: it must still be open. */
    private CompletionStage<Void> carrierAlive(long timeoutMs, Session dead) {
        CompletableFuture<Void> alive = new CompletableFuture<>();
        carrier.probe(ScsiCommand.noData(Cdb.testUnitReady()), new CommandCallback() {
            @Override
            public void completed(ScsiCommand command, ScsiResult result) {
                alive.complete(null);
            }

            @Override
            public void failed(ScsiCommand command, PathException error) {
                alive.completeExceptionally(new LogoutMishandled("the target closed CID " + carrier.cid()
                        + " after answering the Logout of CID " + dead.cid() + " on it: it took that Logout for the "
                        + "connection it came on, so CID " + dead.cid() + " and its tasks may still be alive there"));
            }
        });
        return alive.orTimeout(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Uses up, in order, each CmdSN the dead connection held that the target has not received. */
    private void fillGaps(List<Integer> orphaned) {
        int expected = carrier.window.expCmdSn();
        orphaned.stream().filter(cmdSn -> cmdSn - expected >= 0).sorted((a, b) -> Integer.compare(a - expected, b - expected))
                .forEach(cmdSn -> carrier.writer.push(ControlPdu.cmdSnFiller(carrier.nextControlTag(), cmdSn)));
    }

    /** The target answered a Logout Request with {@code tag}; true when it was one for another connection. */
    boolean answered(int tag, int response) {
        CompletableFuture<Integer> answer = pending.get(tag);
        if (answer == null) {
            return false;
        }
        answer.complete(response);
        return true;
    }

    /** This connection ended: no answer will come for what it carried. */
    void clear() {
        pending.values().forEach(a -> a.completeExceptionally(new IllegalStateException("CID " + carrier.cid()
                + " ended before the target answered the Logout sent over it")));
    }
}
