package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;
import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.test.workload.BlockModel;
import org.hbateam.testbed.TestBed;

/** The ways a test reads blocks back: each one a different witness of what the target holds. */
final class Readers {
    private Readers() {
    }

    /** Through the team, as the application would. */
    static BlockModel.Reader team(Team team) {
        return team::read;
    }

    /** Straight through one path, bypassing the team (and its balancer's choice). */
    static BlockModel.Reader direct(IscsiPath path) {
        return (offset, dst) -> {
            byte[] bytes = new byte[dst.remaining()];
            ScsiResult result = E2eAdapter.read(path, offset / 512, bytes);
            assertTrue(result.isGood(), "the direct read through " + path.id() + " succeeded: " + result);
            dst.put(bytes);
        };
    }

    /** The bytes in the LUN's backing file, behind every cache of the initiator and of the protocol. */
    static BlockModel.Reader lunFile(TestBed bed, int lun) {
        return (offset, dst) -> {
            try (FileChannel file = FileChannel.open(bed.lunFile(lun), StandardOpenOption.READ)) {
                long at = offset;
                while (dst.hasRemaining()) {
                    int n = file.read(dst, at);
                    if (n < 0) {
                        throw new IOException("the LUN file ends at " + at);
                    }
                    at += n;
                }
            }
        };
    }

    /** With libiscsi's tools (the bed's iscsi-blockio peer) through one portal. */
    static BlockModel.Reader libiscsi(TestBed bed, int path) {
        return (offset, dst) -> dst.put(ByteBuffer.wrap(bed.tools().read(path, 1, offset / 512, dst.remaining() / 512)));
    }
}
