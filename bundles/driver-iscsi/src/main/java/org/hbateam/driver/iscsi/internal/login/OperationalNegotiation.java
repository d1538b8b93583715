package org.hbateam.driver.iscsi.internal.login;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hbateam.driver.iscsi.internal.pdu.ProtocolException;

/**
 * Operational key negotiation (RFC 7143 13): what to offer, how to combine each answer with the offer
 * (minimum, maximum, OR, AND, list choice, declaration), and what to answer to keys the target offers
 * on its own. Keys the target leaves unanswered keep their RFC defaults, combined with our offer.
 */
public final class OperationalNegotiation {
    private final Proposal proposal;
    private final boolean discovery;
    /** False for a connection added to an existing session: the session-wide (leading only) keys are settled. */
    private final boolean leading;
    private final Map<String, String> answers = new LinkedHashMap<>();

    public OperationalNegotiation(Proposal proposal, boolean discovery) {
        this(proposal, discovery, true);
    }

    /**
     * {@code leading} false: the login adds a connection to a session (a TSIH is given), which offers only the
     * per-connection keys; RFC 7143 13 marks the others LO, leading connection only.
     */
    public OperationalNegotiation(Proposal proposal, boolean discovery, boolean leading) {
        this.proposal = proposal;
        this.discovery = discovery;
        this.leading = leading;
    }

    /** The keys to send in the first operational PDU. */
    public Map<String, String> offer() {
        return discovery || !leading ? connectionOffer() : fullOffer();
    }

    private Map<String, String> connectionOffer() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("HeaderDigest", proposal.headerDigest() ? "CRC32C" : "None");
        keys.put("DataDigest", proposal.dataDigest() ? "CRC32C" : "None");
        keys.put("MaxRecvDataSegmentLength", Integer.toString(proposal.maxRecvDataSegmentLength()));
        return keys;
    }

    private Map<String, String> fullOffer() {
        Map<String, String> keys = connectionOffer();
        keys.put("InitialR2T", yesNo(proposal.initialR2T()));
        keys.put("ImmediateData", yesNo(proposal.immediateData()));
        keys.put("MaxBurstLength", Integer.toString(proposal.maxBurstLength()));
        keys.put("FirstBurstLength", Integer.toString(proposal.firstBurstLength()));
        keys.put("MaxConnections", Integer.toString(proposal.maxConnections()));
        keys.put("ErrorRecoveryLevel", "0");
        keys.put("DefaultTime2Wait", "2");
        keys.put("DefaultTime2Retain", "20");
        keys.put("MaxOutstandingR2T", "1");
        keys.put("DataPDUInOrder", "Yes");
        keys.put("DataSequenceInOrder", "Yes");
        keys.put("IFMarker", "No");
        keys.put("OFMarker", "No");
        return keys;
    }

    /**
     * Records the target's keys from one Login Response and returns what must be answered: offers of
     * the target that we did not make ourselves, or NotUnderstood for unknown keys.
     */
    public Map<String, String> accept(Map<String, String> keys, Map<String, String> offered) {
        Map<String, String> replies = new LinkedHashMap<>();
        for (Map.Entry<String, String> key : keys.entrySet()) {
            String name = key.getKey();
            answers.put(name, key.getValue());
            if (offered.containsKey(name) || isDeclaration(name)) {
                continue;
            }
            String mine = fullOffer().get(name);
            if (mine == null) {
                replies.put(name, "NotUnderstood");
            } else {
                replies.put(name, discovery ? "Irrelevant" : mine);
            }
        }
        return replies;
    }

    private static boolean isDeclaration(String name) {
        return name.equals("MaxRecvDataSegmentLength") || name.startsWith("Target") || name.equals("TargetPortalGroupTag");
    }

    /** The parameters in force, from the offer and every answer seen. */
    public Negotiated result() throws ProtocolException {
        boolean headerDigest = digest("HeaderDigest", proposal.headerDigest());
        boolean dataDigest = digest("DataDigest", proposal.dataDigest());
        int targetMrdsl = number("MaxRecvDataSegmentLength", 8192, 512, 16777215);
        int maxBurst = Math.min(proposal.maxBurstLength(), number("MaxBurstLength", 262144, 512, 16777215));
        int firstBurst = Math.min(proposal.firstBurstLength(), number("FirstBurstLength", 65536, 512, 16777215));
        boolean initialR2T = proposal.initialR2T() || bool("InitialR2T", true);
        boolean immediate = proposal.immediateData() && bool("ImmediateData", true);
        int maxConnections = Math.min(proposal.maxConnections(), number("MaxConnections", 1, 1, 65535));
        int erl = Math.min(0, number("ErrorRecoveryLevel", 0, 0, 2));
        int time2Wait = Math.max(2, number("DefaultTime2Wait", 2, 0, 3600));
        int time2Retain = Math.min(20, number("DefaultTime2Retain", 20, 0, 3600));
        return new Negotiated(headerDigest, dataDigest, proposal.maxRecvDataSegmentLength(), targetMrdsl, maxBurst,
                Math.min(firstBurst, maxBurst), initialR2T, immediate, maxConnections, erl, time2Wait, time2Retain, 1);
    }

    private boolean digest(String key, boolean asked) throws ProtocolException {
        String answer = answers.get(key);
        if (answer == null || isRefusal(answer)) {
            return false;
        }
        if (answer.equals("CRC32C")) {
            if (!asked) {
                throw new ProtocolException(key + "=CRC32C chosen by the target although only None was offered");
            }
            return true;
        }
        if (answer.equals("None")) {
            return false;
        }
        throw new ProtocolException(key + " answer is not a known digest: " + answer);
    }

    private int number(String key, int defaultValue, int min, int max) throws ProtocolException {
        String answer = answers.get(key);
        if (answer == null || isRefusal(answer)) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(answer.trim());
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProtocolException(key + " answer must be a number in [" + min + ", " + max + "], was " + answer);
    }

    private boolean bool(String key, boolean defaultValue) throws ProtocolException {
        String answer = answers.get(key);
        if (answer == null || isRefusal(answer)) {
            return defaultValue;
        }
        if (answer.equals("Yes") || answer.equals("No")) {
            return answer.equals("Yes");
        }
        throw new ProtocolException(key + " answer must be Yes or No, was " + answer);
    }

    private static boolean isRefusal(String answer) {
        return answer.equals("Reject") || answer.equals("Irrelevant") || answer.equals("NotUnderstood");
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}
