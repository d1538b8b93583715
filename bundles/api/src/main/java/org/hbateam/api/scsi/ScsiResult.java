package org.hbateam.api.scsi;

import java.util.Objects;

/**
 * The outcome of a command that reached the target: the status byte, any sense data and the residual.
 * A result is always the target's answer; a path that could not deliver the command reports a
 * {@link org.hbateam.api.path.PathException} instead. Immutable.
 */
public final class ScsiResult {
    /** GOOD status, no sense, no residual: shared so that the common completion allocates nothing. */
    public static final ScsiResult GOOD = new ScsiResult(ScsiStatus.GOOD, SenseData.of(null), 0);

    private final int status;
    private final SenseData sense;
    private final int residual;

    /**
     * @param status   the SCSI status byte
     * @param sense    sense data, never null (use {@code SenseData.of(null)} for none)
     * @param residual bytes expected but not transferred (positive) or overflowing (negative)
     */
    public ScsiResult(int status, SenseData sense, int residual) {
        this.status = status & 0xFF;
        this.sense = Objects.requireNonNull(sense, "sense");
        this.residual = residual;
    }

    /** GOOD status with a residual: shares {@link #GOOD} when the residual is 0. */
    public static ScsiResult good(int residual) {
        return residual == 0 ? GOOD : new ScsiResult(ScsiStatus.GOOD, SenseData.of(null), residual);
    }

    /** CHECK CONDITION with fixed-format sense. */
    public static ScsiResult checkCondition(int senseKey, int asc, int ascq) {
        return new ScsiResult(ScsiStatus.CHECK_CONDITION, SenseData.fixed(senseKey, asc, ascq), 0);
    }

    public int status() {
        return status;
    }

    public SenseData sense() {
        return sense;
    }

    public int residual() {
        return residual;
    }

    /** True for GOOD and CONDITION MET. */
    public boolean isGood() {
        return status == ScsiStatus.GOOD || status == ScsiStatus.CONDITION_MET;
    }

    /** True for CHECK CONDITION with sense key UNIT ATTENTION. */
    public boolean isUnitAttention() {
        return status == ScsiStatus.CHECK_CONDITION && sense.senseKey() == SenseKey.UNIT_ATTENTION;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScsiResult)) {
            return false;
        }
        ScsiResult r = (ScsiResult) o;
        return status == r.status && residual == r.residual && sense.equals(r.sense);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, sense, residual);
    }

    @Override
    public String toString() {
        return ScsiStatus.name(status) + (sense.isEmpty() ? "" : " (" + sense + ")")
                + (residual == 0 ? "" : " residual=" + residual);
    }
}
