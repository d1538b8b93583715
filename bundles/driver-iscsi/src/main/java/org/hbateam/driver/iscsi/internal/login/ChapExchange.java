package org.hbateam.driver.iscsi.internal.login;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hbateam.driver.iscsi.internal.pdu.ProtocolException;

/**
 * The initiator's side of the security stage: AuthMethod, then CHAP_A, then our response, then (for mutual
 * CHAP) the check of the target's response (RFC 7143 12.1.3). Messages name keys and users, never secrets.
 */
final class ChapExchange {
    private enum Step { OFFERED, ALGORITHM_SENT, RESPONSE_SENT, DONE }

    private final ChapCredentials credentials;
    private final SecureRandom random = new SecureRandom();
    private Step step = Step.OFFERED;
    private int ourIdentifier;
    private byte[] ourChallenge;

    ChapExchange(ChapCredentials credentials) {
        this.credentials = credentials;
    }

    /** True when CHAP will be run, so the first PDU must not transit yet. */
    boolean active() {
        return credentials.enabled();
    }

    /** The AuthMethod value to offer. Mutual CHAP insists on CHAP; one-way lets the target waive it. */
    String offer() {
        if (!credentials.enabled()) {
            return "None";
        }
        return credentials.mutual() ? "CHAP" : "CHAP,None";
    }

    /**
     * True once the initiator may ask to leave the security stage: after our response, because the target
     * answers a mutual challenge in the same PDU that transits.
     */
    boolean readyToTransit() {
        return step == Step.DONE || step == Step.RESPONSE_SENT;
    }

    /** Consumes the target's security keys and returns the keys to send next. */
    Map<String, String> next(Map<String, String> answer) throws ProtocolException, LoginException {
        Map<String, String> keys = new LinkedHashMap<>();
        switch (step) {
            case OFFERED:
                String method = answer.getOrDefault("AuthMethod", "None");
                if (method.equals("CHAP")) {
                    keys.put("CHAP_A", Chap.MD5);
                    step = Step.ALGORITHM_SENT;
                } else if (method.equals("None") && !credentials.mutual()) {
                    step = Step.DONE;
                } else {
                    throw new LoginException("the target chose AuthMethod=" + method + ", but mutual CHAP is required");
                }
                return keys;
            case ALGORITHM_SENT:
                return respond(answer);
            case RESPONSE_SENT:
                verifyTarget(answer);
                step = Step.DONE;
                return keys;
            default:
                return keys;
        }
    }

    private Map<String, String> respond(Map<String, String> answer) throws ProtocolException {
        if (!Chap.MD5.equals(answer.get("CHAP_A"))) {
            throw new ProtocolException("the target chose CHAP_A=" + answer.get("CHAP_A") + ", only 5 (MD5) is supported");
        }
        String id = require(answer, "CHAP_I");
        String challenge = require(answer, "CHAP_C");
        byte[] response = Chap.response(Chap.identifier(id), credentials.secret(), Chap.decode("CHAP_C", challenge));
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("CHAP_N", credentials.user());
        keys.put("CHAP_R", Chap.encode(response));
        if (credentials.mutual()) {
            ourIdentifier = random.nextInt(256);
            ourChallenge = Chap.challenge(random);
            keys.put("CHAP_I", Integer.toString(ourIdentifier));
            keys.put("CHAP_C", Chap.encode(ourChallenge));
            step = Step.RESPONSE_SENT;
        } else {
            step = Step.DONE;
        }
        return keys;
    }

    private void verifyTarget(Map<String, String> answer) throws ProtocolException, LoginException {
        String name = require(answer, "CHAP_N");
        byte[] received = Chap.decode("CHAP_R", require(answer, "CHAP_R"));
        byte[] expected = Chap.response(ourIdentifier, credentials.mutualSecret(), ourChallenge);
        if (!name.equals(credentials.mutualUser()) || !MessageDigest.isEqual(expected, received)) {
            throw new LoginException("mutual CHAP failed: the target did not prove the configured mutual secret "
                    + "for user " + credentials.mutualUser());
        }
    }

    /** Called when the target leaves the security stage: mutual CHAP must have been verified by then. */
    void checkComplete() throws LoginException {
        if (credentials.mutual() && step != Step.DONE) {
            throw new LoginException("the target left the security stage before proving itself (mutual CHAP)");
        }
    }

    private static String require(Map<String, String> answer, String key) throws ProtocolException {
        String value = answer.get(key);
        if (value == null) {
            throw new ProtocolException("the target's CHAP answer lacks " + key);
        }
        return value;
    }
}
