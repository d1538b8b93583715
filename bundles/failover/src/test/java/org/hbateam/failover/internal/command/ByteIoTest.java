package org.hbateam.failover.internal.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;

import org.hbateam.api.path.PathState;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.MemoryPath;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

class ByteIoTest {
    private final byte[] disk = new byte[4 << 20];
    private final Fixture f = new Fixture();
    private final MemoryPath a = (MemoryPath) f.add(new MemoryPath("a", "hba0", disk));
    private final MemoryPath b = (MemoryPath) f.add(new MemoryPath("b", "hba1", disk));
    private final TeamImpl team = f.team("mem");

    @Test
    void capacityAndBlockSizeComeFromReadCapacity16() throws Exception {
        assertEquals(512, team.blockSize(), "block size from READ CAPACITY(16)");
        assertEquals(disk.length, team.capacityBytes(), "capacity in bytes");
        int sent = a.submitted.get();
        team.blockSize();
        assertEquals(sent, a.submitted.get(), "the capacity is cached after the first call");
    }

    @Test
    void writtenThroughOnePathReadsBackThroughTheOther() throws Exception {
        byte[] pattern = new byte[3 << 20];
        new Random(7).nextBytes(pattern);
        ByteBuffer src = ByteBuffer.wrap(pattern);
        team.write(4096, src);
        assertEquals(pattern.length, src.position(), "the source buffer's position advanced");
        assertEquals(ByteIo.MAX_TRANSFER_BYTES, a.largestTransfer, "large transfers are split into 1 MiB commands");
        a.report(PathState.DOWN);
        ByteBuffer dst = ByteBuffer.allocate(pattern.length);
        team.read(4096, dst);
        assertArrayEquals(pattern, dst.array(), "every byte reads back through path b");
    }

    @Test
    void unalignedOrOutOfRangeTransfersAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> team.read(100, ByteBuffer.allocate(512)), "unaligned offset");
        assertThrows(IllegalArgumentException.class, () -> team.read(0, ByteBuffer.allocate(100)), "unaligned length");
        assertThrows(IllegalArgumentException.class, () -> team.write(disk.length, ByteBuffer.allocate(512)), "beyond capacity");
        assertEquals(0, b.submitted.get() + a.submitted.get() - 1, "only READ CAPACITY was sent");
    }

    @Test
    void aLargeTransferSpreadsItsChunksOverThePaths() throws Exception {
        f.registry.defaultBalancer(Fixture.tinyStatic());
        team.write(0, ByteBuffer.allocate(4 << 20));
        assertTrue(a.submitted.get() >= 2 && b.submitted.get() >= 2,
                "the 1 MiB chunks of one 4 MiB write went over both paths: a=" + a.submitted.get() + " b=" + b.submitted.get());
    }

    @Test
    void aTargetErrorOnOneChunkFailsTheCallAfterTheOthersFinished() {
        a.answerOverride = org.hbateam.api.scsi.ScsiResult.checkCondition(org.hbateam.api.scsi.SenseKey.MEDIUM_ERROR, 0x11, 0);
        org.hbateam.api.team.ScsiErrorException e = assertThrows(org.hbateam.api.team.ScsiErrorException.class,
                () -> team.write(0, ByteBuffer.allocate(3 << 20)), "a medium error fails the write");
        assertEquals(org.hbateam.api.scsi.SenseKey.MEDIUM_ERROR, e.result().sense().senseKey(), "with the target's answer");
    }
}
