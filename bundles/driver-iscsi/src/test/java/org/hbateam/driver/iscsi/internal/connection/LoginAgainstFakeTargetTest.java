package org.hbateam.driver.iscsi.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.LoginException;
import org.hbateam.driver.iscsi.internal.login.LoginResult;
import org.hbateam.driver.iscsi.internal.login.Negotiated;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.junit.jupiter.api.Test;

/** Login, negotiation, CHAP and redirection against the fake target, over real loopback sockets. */
class LoginAgainstFakeTargetTest {
    private static final String SECRET = "initiator-secret-1";
    private static final String MUTUAL_SECRET = "target-secret-22";
    private static final byte[] ISID = {(byte) 0x80, 1, 2, 3, 4, 5};

    private static SessionSettings settings(FakeTarget target, ChapCredentials chap, Proposal proposal) {
        return new SessionSettings("test", null, Portal.parse(target.portal()), "iqn.2026-01.org.hbateam:test",
                FakeTarget.IQN, ISID, chap, proposal, 3000, 1000, 2000, 5000, 50, 1000);
    }

    private static LoginResult login(FakeTarget target, ChapCredentials chap, Proposal proposal) throws Exception {
        Connector.Established established = new Connector().connect(settings(target, chap, proposal), 1);
        established.connection().close();
        return established.login();
    }

    @Test
    void negotiatesAndHonoursTheTargetsAnswers() throws Exception {
        try (FakeTarget target = new FakeTarget()) {
            target.maxBurstLength = 16384;
            target.firstBurstLength = 4096;
            target.maxRecvDataSegmentLength = 2048;
            target.initialR2T = true;
            target.immediateData = false;
            Negotiated n = login(target, ChapCredentials.none(), new Proposal(true, false, 65536, 262144, 65536, false, true, 1))
                    .parameters();
            assertTrue(n.headerDigest(), "CRC32C header digest was offered and accepted");
            assertFalse(n.dataDigest(), "no data digest was offered");
            assertEquals(16384, n.maxBurstLength(), "MaxBurstLength is the smaller of both");
            assertEquals(4096, n.firstBurstLength(), "FirstBurstLength is the smaller of both");
            assertEquals(2048, n.targetMaxRecvDataSegmentLength(), "the target's declaration limits what we send");
            assertEquals(65536, n.maxRecvDataSegmentLength(), "our declaration limits what the target sends");
            assertTrue(n.initialR2T(), "InitialR2T is Yes when either side says Yes");
            assertFalse(n.immediateData(), "ImmediateData is No when either side says No");
            assertEquals(0, n.errorRecoveryLevel(), "only ErrorRecoveryLevel 0 is used");
        }
    }

    @Test
    void oneWayChapWithTheRightSecretLogsIn() throws Exception {
        try (FakeTarget target = new FakeTarget()) {
            target.chapUser = "alice";
            target.chapSecret = SECRET;
            LoginResult result = login(target, new ChapCredentials("alice", SECRET, "", ""), Proposal.defaults());
            assertEquals(1, result.tsih(), "the login must complete with the target's TSIH");
        }
    }

    @Test
    void chapWithAWrongSecretFailsClearlyWithoutTheSecret() throws Exception {
        try (FakeTarget target = new FakeTarget()) {
            target.chapUser = "alice";
            target.chapSecret = SECRET;
            String wrong = "not-the-right-one";
            LoginException e = assertThrows(LoginException.class,
                    () -> login(target, new ChapCredentials("alice", wrong, "", ""), Proposal.defaults()));
            assertTrue(e.getMessage().contains("authentication failed"), "the message must say why: " + e.getMessage());
            assertFalse(e.getMessage().contains(wrong) || e.getMessage().contains(SECRET), "no secret in the message");
            assertFalse(e.retryable(), "bad credentials do not get better by retrying soon");
        }
    }

    @Test
    void mutualChapVerifiesTheTarget() throws Exception {
        try (FakeTarget target = new FakeTarget()) {
            target.chapUser = "alice";
            target.chapSecret = SECRET;
            target.mutualUser = "target-bob";
            target.mutualSecret = MUTUAL_SECRET;
            LoginResult result = login(target, new ChapCredentials("alice", SECRET, "target-bob", MUTUAL_SECRET),
                    Proposal.defaults());
            assertEquals(1, result.tsih(), "mutual CHAP with matching secrets must log in");
        }
    }

    @Test
    void mutualChapRejectsATargetWithTheWrongSecret() throws Exception {
        try (FakeTarget target = new FakeTarget()) {
            target.chapUser = "alice";
            target.chapSecret = SECRET;
            target.mutualUser = "target-bob";
            target.mutualSecret = "an-impostor-secret";
            LoginException e = assertThrows(LoginException.class, () -> login(target,
                    new ChapCredentials("alice", SECRET, "target-bob", MUTUAL_SECRET), Proposal.defaults()));
            assertTrue(e.getMessage().contains("mutual CHAP failed"), "the message must say why: " + e.getMessage());
            assertFalse(e.getMessage().contains(MUTUAL_SECRET) || e.getMessage().contains("an-impostor-secret"),
                    "no secret in the message");
        }
    }

    @Test
    void followsALoginRedirection() throws Exception {
        try (FakeTarget real = new FakeTarget(); FakeTarget redirector = new FakeTarget()) {
            redirector.redirectTo = real.portal();
            Connector.Established established = new Connector().connect(settings(redirector, ChapCredentials.none(),
                    Proposal.defaults()), 1);
            established.connection().close();
            assertEquals(Portal.parse(real.portal()), established.connection().portal(),
                    "the session must end up on the portal the redirection named");
            assertEquals(1, real.logins.get(), "the redirected login completes at the real target");
        }
    }

    @Test
    void sendTargetsListsTheTarget() throws Exception {
        try (FakeTarget target = new FakeTarget()) {
            SessionSettings discovery = new SessionSettings("test", null, Portal.parse(target.portal()),
                    "iqn.2026-01.org.hbateam:test", null, ISID, ChapCredentials.none(), Proposal.defaults(), 3000, 1000, 2000, 5000, 50, 1000);
            target.sendTargetsAnswer = "TargetName=" + FakeTarget.IQN + "\0TargetAddress=" + target.portal() + ",1\0";
            assertEquals(List.of(FakeTarget.IQN), SendTargets.discover(discovery, new Connector()), "the one target the portal reports");
        }
    }
}
