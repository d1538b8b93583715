package org.hbateam.api.team;

import org.hbateam.api.scsi.ScsiResult;

/** The target answered a byte-level read or write with an error status; the result is kept unchanged. */
public class ScsiErrorException extends TeamException {
    private static final long serialVersionUID = 1L;

    private final transient ScsiResult result;

    public ScsiErrorException(String team, ScsiResult result) {
        super(team, "team " + team + ": target answered " + result, null);
        this.result = result;
    }

    public ScsiResult result() {
        return result;
    }
}
