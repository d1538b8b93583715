package org.hbateam.driver.iscsi.internal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hbateam.driver.iscsi.internal.pdu.ProtocolException;
import org.junit.jupiter.api.Test;

/** The combination rules of RFC 7143 13 and the answers to keys the target offers on its own. */
class OperationalNegotiationTest {
    private static final Proposal ASK = new Proposal(true, true, 65536, 262144, 65536, false, true, 4);

    @Test
    void unansweredKeysKeepTheirDefaultsCombinedWithTheOffer() throws ProtocolException {
        OperationalNegotiation n = new OperationalNegotiation(ASK, false);
        n.accept(Map.of(), n.offer());
        Negotiated result = n.result();
        assertFalse(result.headerDigest(), "an unanswered digest stays None");
        assertEquals(8192, result.targetMaxRecvDataSegmentLength(), "the RFC default when the target declares nothing");
        assertTrue(result.initialR2T(), "InitialR2T defaults to Yes, and Yes wins");
        assertEquals(1, result.maxConnections(), "MaxConnections defaults to 1");
    }

    @Test
    void answersKeysTheTargetOffersOnItsOwn() {
        OperationalNegotiation n = new OperationalNegotiation(ASK, true);
        Map<String, String> replies = n.accept(Map.of("MaxBurstLength", "1024", "X-vendor", "1", "TargetAlias", "x"), n.offer());
        assertEquals("Irrelevant", replies.get("MaxBurstLength"), "a session-wide key is irrelevant to discovery");
        assertEquals("NotUnderstood", replies.get("X-vendor"), "unknown keys are NotUnderstood");
        assertFalse(replies.containsKey("TargetAlias"), "declarations need no answer");
    }

    @Test
    void rejectsAnswersOutsideTheRules() {
        OperationalNegotiation n = new OperationalNegotiation(new Proposal(false, false, 8192, 262144, 65536, true, true, 1), false);
        n.accept(Map.of("HeaderDigest", "CRC32C"), n.offer());
        assertThrows(ProtocolException.class, n::result, "CRC32C was not offered, so the target may not choose it");
        OperationalNegotiation m = new OperationalNegotiation(ASK, false);
        m.accept(Map.of("MaxBurstLength", "lots"), m.offer());
        assertThrows(ProtocolException.class, m::result, "a number must be a number");
    }

    @Test
    void unsolicitedLimitsFollowImmediateDataInitialR2tAndFirstBurstLength() {
        Negotiated both = new Negotiated(false, false, 8192, 4096, 262144, 65536, false, true, 1, 0, 2, 20, 1);
        assertEquals(4096, both.immediateLimit(100000), "immediate data is capped by the target's segment length");
        assertEquals(65536, both.unsolicitedLimit(100000), "with InitialR2T=No, up to FirstBurstLength");
        Negotiated r2tOnly = new Negotiated(false, false, 8192, 4096, 262144, 65536, true, false, 1, 0, 2, 20, 1);
        assertEquals(0, r2tOnly.unsolicitedLimit(100000), "InitialR2T=Yes and no immediate data: nothing unsolicited");
        Negotiated immediateOnly = new Negotiated(false, false, 8192, 4096, 262144, 65536, true, true, 1, 0, 2, 20, 1);
        assertEquals(4096, immediateOnly.unsolicitedLimit(100000), "InitialR2T=Yes: only the immediate part");
        assertEquals(512, immediateOnly.unsolicitedLimit(512), "never beyond the command's length");
    }

    @Test
    void portalsParseWithAndWithoutPortAndGroupTag() {
        assertEquals(new Portal("10.0.0.1", 3260), Portal.parse("10.0.0.1"), "the default port");
        assertEquals(new Portal("10.0.0.1", 3261), Portal.parse("10.0.0.1:3261,1"), "a TargetAddress with a group tag");
        assertEquals(new Portal("fe80::1", 3262), Portal.parse("[fe80::1]:3262"), "IPv6 in brackets");
        assertThrows(IllegalArgumentException.class, () -> Portal.parse("host:http"), "a port must be a number");
    }

    @Test
    void chapResponseIsMd5OfIdentifierSecretAndChallenge() throws Exception {
        byte[] challenge = Chap.decode("CHAP_C", "0x0102");
        byte[] expected = java.security.MessageDigest.getInstance("MD5").digest(new byte[] {7, 's', 'e', 'c', 1, 2});
        assertEquals(Chap.encode(expected), Chap.encode(Chap.response(7, "sec".getBytes(), challenge)), "RFC 1994 response");
        assertEquals("ChapCredentials[user=u, mutualUser=, secrets hidden]",
                new ChapCredentials("u", "topsecret", "", "").toString(), "toString never shows a secret");
    }
}
