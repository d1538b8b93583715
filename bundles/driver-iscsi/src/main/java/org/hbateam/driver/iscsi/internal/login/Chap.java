package org.hbateam.driver.iscsi.internal.login;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.hbateam.driver.iscsi.internal.pdu.ProtocolException;

/** CHAP with MD5 (RFC 1994, CHAP_A=5) and the binary value encodings of RFC 7143 6.1. */
final class Chap {
    /** The CHAP algorithm identifier for MD5. */
    static final String MD5 = "5";

    private Chap() {
    }

    /** The CHAP response: MD5 over the identifier byte, the secret and the challenge. */
    static byte[] response(int identifier, byte[] secret, byte[] challenge) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((byte) identifier);
            md5.update(secret);
            md5.update(challenge);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5, which every Java platform must provide", e);
        }
    }

    /** A fresh random challenge of 16 bytes. */
    static byte[] challenge(SecureRandom random) {
        byte[] c = new byte[16];
        random.nextBytes(c);
        return c;
    }

    /** Encodes binary as {@code 0x} hex. */
    static String encode(byte[] value) {
        return "0x" + HexFormat.of().formatHex(value);
    }

    /** Decodes a binary value in {@code 0x} hex or {@code 0b} base64 form. */
    static byte[] decode(String key, String value) throws ProtocolException {
        try {
            if (value.length() > 2 && (value.startsWith("0x") || value.startsWith("0X"))) {
                String hex = value.substring(2);
                return HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex);
            }
            if (value.length() > 2 && (value.startsWith("0b") || value.startsWith("0B"))) {
                return Base64.getDecoder().decode(value.substring(2));
            }
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(key + " is not a valid binary value");
        }
        throw new ProtocolException(key + " must be 0x hex or 0b base64");
    }

    /** Parses the CHAP identifier, 0 to 255. */
    static int identifier(String value) throws ProtocolException {
        try {
            int id = Integer.parseInt(value.trim());
            if (id >= 0 && id <= 255) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProtocolException("CHAP_I must be a number from 0 to 255, was " + value);
    }
}
