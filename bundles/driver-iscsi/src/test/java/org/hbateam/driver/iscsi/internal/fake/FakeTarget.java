package org.hbateam.driver.iscsi.internal.fake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An iSCSI target written for the tests: login with optional CHAP and redirection, operational
 * negotiation from its own settings, and a 1 MiB disk at LUN 0 behind REPORT LUNS, INQUIRY (standard
 * and VPD 0x83), READ CAPACITY(16), READ(16) and WRITE(16) with R2T. A one-shot {@link Behaviour}
 * replaces the answer to the next READ(16), to inject malformed PDUs. Protocol violations by the
 * initiator are recorded in {@link #violations}.
 */
public final class FakeTarget implements AutoCloseable {
    public static final String IQN = "iqn.2026-01.org.example:fake";

    /** What the target does instead of answering one READ(16). */
    public interface Behaviour {
        void act(FakeConnection connection, TargetPdu command) throws IOException;
    }

    // Settings; set before the initiator logs in.
    public volatile String chapUser;
    public volatile String chapSecret;
    public volatile String mutualUser;
    public volatile String mutualSecret;
    public volatile String redirectTo;
    public volatile int maxRecvDataSegmentLength = 8192;
    public volatile int maxBurstLength = 262144;
    public volatile int firstBurstLength = 65536;
    public volatile boolean initialR2T = true;
    public volatile boolean immediateData = true;
    public volatile boolean digests = true;
    public volatile int window = 32;
    public volatile boolean answerNops = true;
    public volatile boolean unitAttentionFirst = true;
    public volatile String sendTargetsAnswer = "";
    /** The MaxConnections the target allows; above 1, logins with the session's TSIH add connections to it. */
    public volatile int maxConnections = 1;
    /** False: a Logout that closes another connection (reason 1) gets no answer. */
    public volatile boolean answerConnectionLogout = true;
    /** True: a Logout for another connection closes the connection it came on instead, as tgtd does. */
    public volatile boolean logoutClosesCarrier;
    /** The CmdSNs received, by the CID of the connection they came on. */
    public final Map<Integer, List<Integer>> cmdSnsByCid = new ConcurrentHashMap<>();
    /** The CIDs named by Logout Requests that closed another connection, in order. */
    public final List<Integer> connectionLogouts = new CopyOnWriteArrayList<>();
    /** The session of the last leading login, which further connections join. */
    volatile FakeSession session;

    public final AtomicReference<Behaviour> onNextRead = new AtomicReference<>();
    /** Replaces the answer to the next WRITE(16), like {@link #onNextRead}; used by the writer-thread tests. */
    public final AtomicReference<Behaviour> onNextWrite = new AtomicReference<>();
    public final List<String> violations = new CopyOnWriteArrayList<>();
    public final List<Integer> dataOutSizes = new CopyOnWriteArrayList<>();
    /** The target transfer tags echoed by NOP-Outs that answered the target's own pings. */
    public final List<Integer> pingAnswers = new CopyOnWriteArrayList<>();
    public final AtomicInteger logins = new AtomicInteger();
    /** The ISID (hex) of each completed login, in order: a repeated one is a session reinstatement. */
    public final List<String> loginIsids = new CopyOnWriteArrayList<>();
    /** Logout requests answered. */
    public final AtomicInteger logouts = new AtomicInteger();
    public final AtomicInteger taskManagementRequests = new AtomicInteger();
    /** The functions of the task management requests received, in order. */
    public final List<Integer> taskManagementFunctions = new CopyOnWriteArrayList<>();
    /** The response to ABORT TASK: 0 function complete, 5 function not supported. */
    public volatile int abortTaskResponse = 0;
    /** False: task management requests get no answer at all (a hung logical unit). */
    public volatile boolean answerTaskManagement = true;
    final byte[] disk = new byte[1 << 20];

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public FakeTarget() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "fake-target-accept");
        acceptor.start();
    }

    /** The CmdSNs the current session still misses before commands that arrived early. */
    public List<Integer> cmdSnGaps() {
        FakeSession current = session;
        return current == null ? List.of() : current.gaps();
    }

    /** The connections of the current session by CID. */
    public Map<Integer, FakeConnection> connections() {
        FakeSession current = session;
        return current == null ? Map.of() : current.connections;
    }

    public String portal() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "fake-target-conn");
                threads.add(t);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            new FakeConnection(this, socket).run();
        } catch (IOException e) {
            // the initiator went away or the test closed us
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        acceptor.join();
        for (Thread t : threads) {
            t.join();
        }
    }
}
