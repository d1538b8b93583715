package org.hbateam.driver.iscsi.internal.connection;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicReference;

import org.hbateam.api.path.PathException;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.pdu.PduReader;
import org.hbateam.driver.iscsi.internal.pdu.PduWriter;

/**
 * One TCP connection to a target portal: a blocking {@link SocketChannel} bound to the adapter's local
 * address, read by exactly one thread, written by its session's writer thread. Anyone may {@link #fail} it; the
 * first reason wins and closing the channel wakes the reader and any blocked writer.
 */
public final class Connection implements Closeable {
    private static final int LOGIN_SEGMENT_LENGTH = 8192;

    final SocketChannel channel;
    public final PduReader reader;
    public final PduWriter writer;
    private final AtomicReference<PathException> failure = new AtomicReference<>();
    private final Portal portal;
    /** When the last PDU arrived, from {@link System#nanoTime()}; written by the reader only. */
    public volatile long lastReceiveNanos = System.nanoTime();

    private Connection(SocketChannel channel, Portal portal) {
        this.channel = channel;
        this.portal = portal;
        this.reader = new PduReader(channel, LOGIN_SEGMENT_LENGTH);
        this.writer = new PduWriter(channel);
    }

    /**
     * Connects from {@code local} (null: any address) to {@code portal}.
     *
     * @throws IOException when the connection cannot be made within {@code timeoutMillis}
     */
    public static Connection open(InetSocketAddress local, Portal portal, int timeoutMillis) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            // Closing resets the connection and discards what is still unsent. A graceful close would leave the
            // kernel retransmitting a dropped connection's queued commands, and after a cut link returns they
            // would reach the target and run after the failover service has already retried them elsewhere:
            // a stale write overwriting newer data.
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            if (local != null) {
                channel.bind(local);
            }
            channel.socket().connect(portal.address(), timeoutMillis);
            return new Connection(channel, portal);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Portal portal() {
        return portal;
    }

    /** Records why the connection is being dropped (first caller wins) and closes it. */
    public void fail(PathException.Reason reason, String message) {
        failure.compareAndSet(null, new PathException(reason, message));
        close();
    }

    /** Why the connection was dropped, or null when nobody said. */
    public PathException failure() {
        return failure.get();
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket that is already broken; nothing more to do
        }
    }

    @Override
    public String toString() {
        return "connection to " + portal;
    }
}
