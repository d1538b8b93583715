package org.hbateam.shell.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.junit.jupiter.api.Test;

class ThroughputSamplerTest {
    @Test
    void throughputIsTheByteDeltaOverTheInterval() {
        ThroughputSampler sampler = new ThroughputSampler();
        assertEquals(0.0, sampler.sample(List.of(team(1_000, 0)), 0).get(0).readBytesPerSecond(), "no rate at the first sample");
        ThroughputSampler.Sample s = sampler.sample(List.of(team(3_001_000, 500_000)), 2_000_000_000L).get(0);
        assertEquals(1_500_000.0, s.readBytesPerSecond(), "3 MB read in 2 s");
        assertEquals(250_000.0, s.writeBytesPerSecond(), "0.5 MB written in 2 s");
        assertEquals(0.0, sampler.sample(List.of(team(10, 10)), 3_000_000_000L).get(0).readBytesPerSecond(),
                "counters that went backwards (the path came back) show 0, not a negative rate");
    }

    private static Team team(long read, long written) {
        PathInfo path = new PathInfo("p0", "hba0", "iqn.t", 0, PathState.UP, read, written, 0, 0, 100, 100);
        return new Team() {
            public String name() { return "t"; }
            public String luIdentity() { return "lu"; }
            public String policy() { return "static"; }
            public List<PathInfo> paths() { return List.of(path); }
            public CompletionStage<ScsiResult> submit(ScsiCommand c) { throw new UnsupportedOperationException(); }
            public ScsiResult execute(ScsiCommand c) { throw new UnsupportedOperationException(); }
            public int blockSize() { return 512; }
            public long capacityBytes() { return 0; }
            public void read(long o, ByteBuffer d) { throw new UnsupportedOperationException(); }
            public void write(long o, ByteBuffer s) { throw new UnsupportedOperationException(); }
        };
    }
}
