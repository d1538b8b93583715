package org.hbateam.testbed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live test bed: tgtd in network namespace {@code hbt-NAME}, one veth link and portal per
 * path, file-backed LUNs, and the faults that can be injected per path. Paths and LUNs are
 * numbered from 1, as in the script and the addresses ({@code 10.250.(16*slot+path).2}).
 * Every method runs {@code testbed/bed}; a failure throws {@link TestBedException} with the
 * script's stderr. {@link #close()} (= {@link #down()}) removes everything and may run twice.
 */
public final class TestBed implements AutoCloseable {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final BedScript script;
    private final BedSpec spec;
    private final String name;
    private final AtomicReference<BedSummary> summary;
    private final AtomicReference<Path> peers = new AtomicReference<>();

    private TestBed(BedScript script, BedSpec spec, BedSummary summary) {
        this.script = script;
        this.spec = spec;
        this.name = summary.get("NAME");
        this.summary = new AtomicReference<>(summary);
    }

    /** Installs the packages the bed needs (apt-get), if any is missing; quick when all are there. */
    public static void install() {
        BedScript.locate().run(INSTALL_TIMEOUT, Map.of(), "install");
    }

    /** Brings a bed up as {@code spec} says; {@code spec} must carry a name. */
    public static TestBed up(BedSpec spec) {
        return up(BedScript.locate(), spec);
    }

    static TestBed up(BedScript script, BedSpec spec) {
        List<String> arguments = spec.upArguments();
        try {
            String out = script.run(UP_TIMEOUT, spec.environment(), arguments.toArray(String[]::new));
            return new TestBed(script, spec, BedSummary.parse(out));
        } catch (ToolTimeoutException e) {
            // The script was killed before its own cleanup could run: tear down by name.
            downQuietly(script, arguments.get(1), e);
            throw e;
        }
    }

    /** Tears down bed {@code name} by the names and PIDs it recorded; does nothing if it is not up. */
    public static void down(String name) {
        BedScript.locate().run(STEP_TIMEOUT, Map.of(), "down", name);
    }

    private static void downQuietly(BedScript script, String name, RuntimeException cause) {
        try {
            script.run(STEP_TIMEOUT, Map.of(), "down", name);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    public String name() {
        return name;
    }

    public BedSpec spec() {
        return spec;
    }

    /** The summary as last read (after up, or after a target restart). */
    public BedSummary summary() {
        return summary.get();
    }

    public int paths() {
        return summary().intValue("PATHS");
    }

    public String targetIqn() {
        return summary().get("TARGET_IQN");
    }

    public String netns() {
        return summary().get("NETNS");
    }

    public Path stateDir() {
        return Path.of(summary().get("STATE_DIR"));
    }

    /** The target-side portal of {@code path} (1-based). */
    public Portal portal(int path) {
        return Portal.parse(summary().get("PORTAL_" + checkPath(path)));
    }

    public List<Portal> portals() {
        List<Portal> portals = new ArrayList<>();
        for (int path = 1; path <= paths(); path++) {
            portals.add(portal(path));
        }
        return portals;
    }

    /** The initiator-side address of {@code path}: bind here to use exactly that path. */
    public String hostAddress(int path) {
        return summary().get("HOST_ADDR_" + checkPath(path));
    }

    public String hostInterface(int path) {
        return summary().get("HOST_IF_" + checkPath(path));
    }

    /** The target-side interface of {@code path}; it lives in {@link #netns()}. */
    public String targetInterface(int path) {
        return summary().get("TARGET_IF_" + checkPath(path));
    }

    /** The libiscsi URL of {@code lun} through {@code path}'s portal. */
    public String lunUrl(int path, int lun) {
        return portal(path).lunUrl(targetIqn(), checkLun(lun));
    }

    public int lunCount() {
        return summary().intValue("LUNS");
    }

    public long lunSizeBytes() {
        return summary().longValue("LUN_SIZE_BYTES");
    }

    /** The file behind {@code lun}; it survives target restarts and goes with {@link #down()}. */
    public Path lunFile(int lun) {
        return Path.of(summary().get("LUN_FILE_" + checkLun(lun)));
    }

    /** The SCSI id of {@code lun}: 24 hex digits, different per bed, from which tgt builds the LU's NAA designator. */
    public String scsiId(int lun) {
        return summary().get("SCSI_ID_" + checkLun(lun));
    }

    /** PID of the current tgtd (it changes with {@link #restartTarget()}). */
    public long targetPid() {
        return summary().longValue("TGTD_PID");
    }

    public Optional<Chap> chap() {
        return spec.chap();
    }

    public Optional<Chap> mutualChap() {
        return spec.mutualChap();
    }

    /** Silent cable pull: the target end of {@code path} goes down; sends vanish, no error. */
    public void cut(int path) {
        step("cut", name, Integer.toString(checkPath(path)));
    }

    /** Initiator end of {@code path} goes down: sends fail at once (blackhole route). */
    public void cutHost(int path) {
        step("cut-host", name, Integer.toString(checkPath(path)));
    }

    /** Brings both ends of {@code path} up again and lifts a {@link #blackhole(int)}. */
    public void restore(int path) {
        step("restore", name, Integer.toString(checkPath(path)));
    }

    /** Limits {@code path} to {@code rate} (tc syntax, e.g. {@code 200mbit}) at both ends. */
    public void throttle(int path, String rate) {
        step("throttle", name, Integer.toString(checkPath(path)), rate);
    }

    public void unthrottle(int path) {
        step("unthrottle", name, Integer.toString(checkPath(path)));
    }

    /**
     * A congested, not dead, link: the initiator's packets on {@code path} wait in a queue at 100kbit, none
     * dropped, until {@link #release(int)} lets them go, seconds late. Status shows it in {@code PATH_i_QUEUE}.
     */
    public void congest(int path) {
        step("congest", name, Integer.toString(checkPath(path)));
    }

    /** Raises the congested rate back (to the path's throttle, if it had one); returns once the held packets left. */
    public void release(int path) {
        step("release", name, Integer.toString(checkPath(path)));
    }

    /** Drops {@code percent} of the packets on {@code path}, both ways, at random. */
    public void drop(int path, int percent) {
        step("drop", name, Integer.toString(checkPath(path)), Integer.toString(percent));
    }

    public void undrop(int path) {
        step("undrop", name, Integer.toString(checkPath(path)));
    }

    /** Drops every packet on {@code path}, both ways, silently; the links stay up. */
    public void blackhole(int path) {
        step("blackhole", name, Integer.toString(checkPath(path)));
    }

    public void unblackhole(int path) {
        step("unblackhole", name, Integer.toString(checkPath(path)));
    }

    /** SIGKILLs tgtd: a target crash. Its connections close; LUN files stay. */
    public void killTarget() {
        step("kill-target", name);
    }

    /** Kills tgtd if running and starts it again with the same LUN files and configuration. */
    public void restartTarget() {
        step("restart-target", name);
        refreshSummary();
    }

    /** The target drops every connection of every session (tgtadm delete conn). */
    public void dropConnections() {
        step("drop-conns", name);
    }

    /** Live state: the summary keys plus TGTD, PATH_i_STATE, PATH_i_QUEUE, CONNECTIONS and TARGET_CONNECTIONS (see README). */
    public BedSummary status() {
        return BedSummary.parse(step("status", name));
    }

    /** Compiles the libiscsi peers (once per bed) and returns the directory that holds them. */
    public Path peers() {
        return peers.updateAndGet(known -> {
            if (known != null) {
                return known;
            }
            BedSummary built = BedSummary.parse(step("build-peers"));
            return Path.of(built.get("PEER_ISCSI_BLOCKIO")).getParent();
        });
    }

    /** libiscsi tools and peers bound to this bed, with its CHAP accounts and a 10 s timeout. */
    public IscsiTools tools() {
        return new IscsiTools(this, Duration.ofSeconds(10), chap().orElse(null), mutualChap().orElse(null));
    }

    /** Tears the bed down; safe to call again. */
    public void down() {
        step("down", name);
    }

    @Override
    public void close() {
        down();
    }

    private void refreshSummary() {
        summary.set(BedSummary.parse(step("summary", name)));
    }

    private String step(String... arguments) {
        return script.run(STEP_TIMEOUT, Map.of(), arguments);
    }

    private int checkPath(int path) {
        if (path < 1 || path > spec.paths()) {
            throw new IllegalArgumentException("bed " + name + " has paths 1.." + spec.paths() + ", not " + path);
        }
        return path;
    }

    private int checkLun(int lun) {
        if (lun < 1 || lun > spec.luns()) {
            throw new IllegalArgumentException("bed " + name + " has LUNs 1.." + spec.luns() + ", not " + lun);
        }
        return lun;
    }

    @Override
    public String toString() {
        return "TestBed[" + name + ", " + spec.paths() + " paths, " + targetIqn() + "]";
    }
}
