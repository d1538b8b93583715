package org.hbateam.testbed;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * libiscsi's command-line tools and the bed's own peers, aimed at one bed's portals: the
 * independent initiator that end-to-end tests compare against. Every call has a hard timeout;
 * a call through a cut or black-holed path ends in {@link ToolTimeoutException}, a refused or
 * failed one in {@link TestBedException} with the tool's stderr. CHAP secrets reach the tools
 * through libiscsi's environment variables, never their command lines.
 */
public final class IscsiTools {
    private final TestBed bed;
    private final Duration timeout;
    private final Chap chap;
    private final Chap mutualChap;

    IscsiTools(TestBed bed, Duration timeout, Chap chap, Chap mutualChap) {
        this.bed = bed;
        this.timeout = timeout;
        this.chap = chap;
        this.mutualChap = mutualChap;
    }

    /** The same tools with another timeout: keep calls that are expected to hang short. */
    public IscsiTools withTimeout(Duration newTimeout) {
        return new IscsiTools(bed, newTimeout, chap, mutualChap);
    }

    /** The same tools logging in with other CHAP accounts; null means none. */
    public IscsiTools withCredentials(Chap newChap, Chap newMutualChap) {
        return new IscsiTools(bed, timeout, newChap, newMutualChap);
    }

    /** Target names that a SendTargets discovery through {@code path} returns ({@code iscsi-ls}). */
    public List<String> discoverTargets(int path) {
        return ToolOutput.targets(text("iscsi-ls", bed.portal(path).url()));
    }

    /** Standard INQUIRY data, as {@code iscsi-inq} prints it. */
    public String inquiry(int path, int lun) {
        return text("iscsi-inq", bed.lunUrl(path, lun));
    }

    /**
     * VPD page 0x83 (device identification) as {@code iscsi-inq -e 1 -c 131} prints it. Equal
     * text through two portals means the same LU; libiscsi cuts binary NAA designators at the
     * first zero byte, so compare whole pages, not single designators.
     */
    public String deviceIdentification(int path, int lun) {
        return text("iscsi-inq", "-e", "1", "-c", "131", bed.lunUrl(path, lun));
    }

    /** The raw INQUIRY VPD page {@code page} (such as 0x83), header included, as the target sent it. */
    public byte[] vpdPage(int path, int lun, int page) {
        return run(new byte[0], peer("iscsi-blockio"), "vpd", bed.lunUrl(path, lun), Integer.toString(page)).stdout();
    }

    /** The unit serial number from VPD page 0x80. */
    public String unitSerialNumber(int path, int lun) {
        return ToolOutput.serial(text("iscsi-inq", "-e", "1", "-c", "128", bed.lunUrl(path, lun)));
    }

    public Capacity readCapacity16(int path, int lun) {
        return ToolOutput.capacity(text("iscsi-readcapacity16", bed.lunUrl(path, lun)));
    }

    /** WRITE(16)s {@code data} (whole blocks) at {@code lba} through {@code path}. */
    public void write(int path, int lun, long lba, byte[] data) {
        run(data, peer("iscsi-blockio"), "write", bed.lunUrl(path, lun), Long.toString(lba));
    }

    /** READ(16)s {@code blocks} blocks at {@code lba} through {@code path}. */
    public byte[] read(int path, int lun, long lba, int blocks) {
        return run(new byte[0], peer("iscsi-blockio"), "read", bed.lunUrl(path, lun), Long.toString(lba),
                Integer.toString(blocks)).stdout();
    }

    /**
     * Runs the benchmark peer ({@code iscsi-bench}, libiscsi's async API) in {@code mode} ({@code write},
     * {@code read}, {@code randwrite}, {@code randread}) against {@code path} and returns its one-line result
     * ({@code mode=.. block_size=.. queue_depth=.. seconds=.. ios=.. errors=.. bytes=.. mib_per_s=.. iops=..
     * cpu_s=.. lat_p50_us=.. lat_p99_us=.. lat_p999_us=..}); the timeout must exceed {@code seconds}.
     */
    public BedSummary bench(String mode, int path, int lun, int blockSize, int queueDepth, double seconds) {
        String line = run(new byte[0], peer("iscsi-bench"), "-m", mode, "-b", Integer.toString(blockSize),
                "-q", Integer.toString(queueDepth), "-t", Double.toString(seconds), bed.lunUrl(path, lun)).out();
        return BedSummary.parse(line.replaceFirst("^BENCH\\s+", "").replace(' ', '\n'));
    }

    private String peer(String name) {
        return bed.peers().resolve(name).toString();
    }

    private String text(String... command) {
        return run(new byte[0], command).out();
    }

    private ProcessRunner.Result run(byte[] stdin, String... command) {
        String description = String.join(" ", command);
        ProcessRunner.Result result = ProcessRunner.run(List.of(command), credentials(), stdin, timeout, description);
        if (result.exitCode() != 0) {
            throw new TestBedException(description + " failed with exit code " + result.exitCode() + ": "
                    + (result.stderr().isEmpty() ? result.out().strip() : result.stderr()));
        }
        return result;
    }

    private Map<String, String> credentials() {
        Map<String, String> environment = new HashMap<>();
        environment.put("LIBISCSI_CHAP_USERNAME", chap == null ? null : chap.user());
        environment.put("LIBISCSI_CHAP_PASSWORD", chap == null ? null : chap.secret());
        environment.put("LIBISCSI_CHAP_TARGET_USERNAME", mutualChap == null ? null : mutualChap.user());
        environment.put("LIBISCSI_CHAP_TARGET_PASSWORD", mutualChap == null ? null : mutualChap.secret());
        return environment;
    }
}
