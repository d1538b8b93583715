package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.junit.jupiter.api.Test;

/**
 * A path whose target stops reading must not stall anyone else: a completion running on path A's reader thread
 * that submits to the stalled path B returns at once, and A keeps working. And a target that is away is tried
 * again at the capped reconnect interval, not on a growing backoff.
 */
class StalledPathTest {
    private static final Proposal DEFAULTS = new Proposal(false, false, 65536, 262144, 65536, false, true, 1);
    private static final int CHUNK = 65536;

    @Test
    void aCompletionOnPathAsReaderSubmittingToAStalledPathBDoesNotBlockPathA() throws Exception {
        FakeTarget targetA = new FakeTarget();
        FakeTarget targetB = new FakeTarget();
        targetB.maxRecvDataSegmentLength = CHUNK; // each write's data rides in its command PDU
        targetB.window = 1000;
        CountDownLatch release = new CountDownLatch(1);
        try (Harness a = new Harness(targetA, ChapCredentials.none(), DEFAULTS, 10000, 10000);
             Harness b = new Harness(targetB, ChapCredentials.none(), DEFAULTS, 10000, 10000)) {
            IscsiPath pathA = a.start();
            IscsiPath pathB = b.start();
            // B's target stops reading its socket: TCP buffers fill, and then a blocking send would block.
            targetB.onNextRead.set((connection, command) -> {
                awaitQuietly(release);
                connection.dataIn(command, new byte[512]);
            });
            pathB.submit(ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512)), new Commands.Counting());
            int writes = writesToFillSocketBuffers();
            List<Commands.Counting> onB = new ArrayList<>();
            CountDownLatch callbackReturned = new CountDownLatch(1);
            AtomicInteger submittedFromCallback = new AtomicInteger();
            try {
                pathA.submit(ScsiCommand.noData(Cdb.testUnitReady()), new CommandCallback() {
                    @Override
                    public void completed(ScsiCommand command, ScsiResult result) {
                        for (int i = 0; i < writes; i++) {
                            Commands.Counting callback = new Commands.Counting();
                            onB.add(callback);
                            pathB.submit(ScsiCommand.write(Cdb.write16(0, CHUNK / 512), ByteBuffer.allocate(CHUNK)), callback);
                            submittedFromCallback.incrementAndGet();
                        }
                        callbackReturned.countDown();
                    }

                    @Override
                    public void failed(ScsiCommand command, PathException error) {
                        callbackReturned.countDown();
                    }
                });
                assertTrue(callbackReturned.await(Harness.GUARD_SECONDS, TimeUnit.SECONDS),
                        "the callback on A's reader thread returned after " + submittedFromCallback.get() + " of "
                        + writes + " submits to B: submit never blocks on B's full socket");
                assertEquals(writes, submittedFromCallback.get(), "every submit to B returned");
                assertTrue(Commands.run(pathA, ScsiCommand.noData(Cdb.testUnitReady())).isGood(),
                        "A's reader thread is free: A still completes commands");
                assertTrue(a.states.isEmpty(), "A never went down: " + a.states);
            } finally {
                release.countDown();
            }
            for (Commands.Counting callback : onB) {
                assertInstanceOf(ScsiResult.class, callback.outcome(), "once B's target reads again, B's writes complete");
            }
        }
    }

    /** Enough 64 KiB writes to overfill this machine's largest TCP send plus receive buffers, with room to spare. */
    private static int writesToFillSocketBuffers() throws IOException {
        long bytes = maxBufferBytes("tcp_wmem") + maxBufferBytes("tcp_rmem");
        return (int) Math.min(1000, bytes / CHUNK + 64);
    }

    private static long maxBufferBytes(String name) throws IOException {
        Path file = Path.of("/proc/sys/net/ipv4", name);
        if (!Files.exists(file)) {
            return 8L << 20;
        }
        String[] values = Files.readString(file).trim().split("\\s+");
        return Long.parseLong(values[values.length - 1]);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(Harness.GUARD_SECONDS * 3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aTargetThatIsAwayIsTriedAgainAtTheCappedInterval() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket ignored = server.accept()) {
                        attempts.incrementAndGet(); // closed at once: the target is not there yet
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "away-target");
            acceptor.start();
            // First delay 50 ms, cap 100 ms: doubling without the cap would need minutes for 12 attempts.
            AdapterSettings settings = AdapterSettings.builder("hba0", "iqn.2026-01.org.hbateam:test",
                    List.of(new Portal("127.0.0.1", server.getLocalPort()))).targets(List.of(FakeTarget.IQN))
                    .proposal(DEFAULTS).loginTimeoutMs(3000).nop(10000, 10000).taskManagementTimeoutMs(500)
                    .reconnect(50, 100).build();
            Adapter adapter = new Adapter(settings, (path, properties) -> {
                throw new AssertionError("nothing is published");
            }, new SessionDirectory());
            adapter.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Harness.GUARD_SECONDS);
                while (attempts.get() < 12 && System.nanoTime() < deadline) {
                    Thread.sleep(20); // polling for the count asserted below
                }
                assertTrue(attempts.get() >= 12, "12 login attempts at a capped interval, saw " + attempts.get());
            } finally {
                adapter.stop();
                server.close();
                acceptor.join(TimeUnit.SECONDS.toMillis(Harness.GUARD_SECONDS));
            }
        }
    }
}
