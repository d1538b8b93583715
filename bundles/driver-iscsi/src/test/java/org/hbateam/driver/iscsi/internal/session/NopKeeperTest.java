package org.hbateam.driver.iscsi.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

import org.hbateam.api.path.PathException;
import org.hbateam.driver.iscsi.internal.connection.Connection;
import org.hbateam.driver.iscsi.internal.login.LoginResult;
import org.hbateam.driver.iscsi.internal.login.Negotiated;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.junit.jupiter.api.Test;

/** Dead-link detection holds even when no NOP-Out can be sent because a writer is stuck holding the send lock. */
class NopKeeperTest {
    private static final long MS = 1_000_000L;
    private static final Negotiated PARAMETERS = new Negotiated(false, false, 8192, 8192, 262144, 65536, true, true,
            1, 0, 2, 20, 1);

    @Test
    void aSilentConnectionFailsWithTimeoutEvenWhenTheSendLockIsHeld() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Connection connection = Connection.open(null, new Portal("127.0.0.1", server.getLocalPort()), 2000);
            try (Socket peer = server.accept()) {
                Session session = new Session(connection, new LoginResult(1, 1, 1, 1, 1, PARAMETERS), "test");
                CountDownLatch locked = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                Thread stuckWriter = new Thread(() -> {
                    session.window.lock.lock();
                    try {
                        locked.countDown();
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        session.window.lock.unlock();
                    }
                });
                stuckWriter.start();
                locked.await();
                long start = connection.lastReceiveNanos;

                session.nop.tick(start + 150 * MS, 100 * MS, 300 * MS);
                assertNull(connection.failure(), "within interval plus timeout the connection stays");
                assertTrue(connection.isOpen(), "and open");

                session.nop.tick(start + 450 * MS, 100 * MS, 300 * MS);
                PathException failure = connection.failure();
                assertEquals(PathException.Reason.TIMEOUT, failure.reason(), "silence beyond interval plus timeout: " + failure);
                assertFalse(connection.isOpen(), "the connection is closed, which also frees a stuck writer");
                release.countDown();
                stuckWriter.join();
            }
        }
    }
}
