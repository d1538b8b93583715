package org.hbateam.api.path;

import java.util.concurrent.CompletionStage;

import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One data path: an adapter reaching one logical unit through one target port (an I_T_L nexus).
 * A vendor HBA driver bundle registers each path it can reach as an OSGi service of this type, with the
 * service properties named below, and unregisters it when the path goes away for good. The failover
 * service tracks these services and groups them into teams by {@link #LU_IDENTITY}.
 *
 * <p>A path that is down stays registered: it reports {@link PathState#DOWN} and fails what it is given.
 */
@ConsumerType
public interface DataPath {
    /** Service property, {@code String}: the path's id, unique in the framework, such as {@code sim:hba0:lun0}. */
    String PATH_ID = "hbateam.path.id";
    /** Service property, {@code String}: the id of the adapter (HBA port) that carries this path. */
    String ADAPTER_ID = "hbateam.adapter.id";
    /** Service property, {@code String}: the target name, such as an iSCSI IQN. */
    String TARGET = "hbateam.target";
    /** Service property, {@code Long}: the logical unit number. */
    String LUN = "hbateam.lun";
    /** Service property, {@code String}: the logical unit's identity from VPD page 0x83, or target name plus LUN. */
    String LU_IDENTITY = "hbateam.lu.identity";
    /**
     * Service property, {@code String}, optional: the logical unit's designator as the unit reports it, where it
     * differs from {@link #LU_IDENTITY}, which must hold no blanks (see
     * {@link org.hbateam.api.scsi.DeviceIdentification#replaceWhitespace}). Shown to operators; never groups paths.
     *
     * @since 2.1
     */
    String LU_DESIGNATOR = "hbateam.lu.designator";
    /**
     * Service property, {@code String}: the session this path belongs to. Paths with the same session id are
     * connections of one session (MC/S, connection-based teaming); a path alone in its session is session-based.
     */
    String SESSION_ID = "hbateam.session.id";

    /** The value of {@link #PATH_ID}. */
    String id();

    /** The value of {@link #ADAPTER_ID}. */
    String adapterId();

    /** The value of {@link #TARGET}. */
    String target();

    /** The value of {@link #LUN}. */
    long lun();

    /** The value of {@link #LU_IDENTITY}. */
    String luIdentity();

    /** The value of {@link #SESSION_ID}; by default the path is its own session. */
    default String sessionId() {
        return id();
    }

    /** The state now. */
    PathState state();

    /**
     * Sends a command on this path, asynchronously. Returns at once, without waiting for the target.
     * The driver then calls {@code callback} exactly once (see {@link CommandCallback}); when the path is
     * down it calls {@link CommandCallback#failed} promptly, possibly before this method returns.
     * Never throws for a path problem.
     */
    void submit(ScsiCommand command, CommandCallback callback);

    /**
     * Fences a command: makes sure it can no longer run at the target, and that the driver will never again
     * read from or write to its data buffer. The failover service calls this before it retries elsewhere a
     * command whose attempt here ended with {@link PathException.Outcome#UNKNOWN} (a timeout, a lost
     * connection), and waits for the returned stage; it never replays a command unfenced.
     *
     * <p>The stage completes normally once that is known: the command had completed or was never sent; the
     * target confirmed an ABORT TASK or a reset that covers it; or the session that carried it is provably gone
     * at the target (reinstated by a new login, or logged out). It completes exceptionally when the driver
     * gives up proving it, and it may stay incomplete for as long as nothing is known: callers bound their wait.
     *
     * <p>If the driver still holds the command, its callback is then called once with
     * {@link PathException.Reason#ABORTED} (or its real outcome, if that came first). A driver that failed a
     * command with outcome UNKNOWN keeps what it needs to answer this call for it until the fence is known.
     */
    CompletionStage<Void> abort(ScsiCommand command);

    /**
     * Proves the path alive without touching data, for idle-path health checks. By default a
     * TEST UNIT READY; a driver may override it with a transport ping such as an iSCSI NOP-Out, reported
     * as a GOOD result. Same callback contract as {@link #submit}.
     */
    default void probe(CommandCallback callback) {
        submit(ScsiCommand.noData(Cdb.testUnitReady()), callback);
    }

    /** Registers a listener for state changes; adding the same listener twice has no extra effect. */
    void addStateListener(PathStateListener listener);

    /** Removes a listener; no call starts after this returns. */
    void removeStateListener(PathStateListener listener);
}
