package org.hbateam.driver.sim.internal.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The validated settings of one simulated LUN.
 *
 * @param target        the target name
 * @param lun           the logical unit number, 0 to 16383
 * @param sizeMB        the capacity in MiB
 * @param naaHex        the LU identity: 32 lower-case hex digits of an NAA type 6 designator
 * @param serial        the unit serial number
 * @param adapters      the adapters that reach the LUN, in configured order, without duplicates
 */
public record LunSettings(String target, long lun, int sizeMB, String naaHex, String serial, List<String> adapters) {
    public static final String PID = "org.hbateam.sim.lun";
    public static final String DEFAULT_TARGET = "iqn.2026-01.org.hbateam.sim:target0";
    public static final int BLOCK_SIZE = 512;
    static final long MAX_LUN = 0x3FFF;
    static final int MAX_SIZE_MB = 16 * 1024 * 1024;

    private static final Pattern NAA6 = Pattern.compile("6[0-9a-f]{31}");
    private static final Pattern SERIAL = Pattern.compile("[\\x21-\\x7e]([\\x20-\\x7e]{0,62}[\\x21-\\x7e])?");

    /**
     * Validates a configuration; the exception names the first bad key.
     *
     * @param knownAdapter tells whether an adapter name is known (see
     *                     {@link org.hbateam.driver.sim.internal.SimLunComponent} for what counts)
     */
    public static LunSettings from(LunConfig config, Predicate<String> knownAdapter) throws ConfigException {
        String target = config.target() == null ? "" : config.target().trim();
        if (target.isEmpty()) {
            throw new ConfigException(PID, "target", "must not be blank");
        }
        long lun = config.lun();
        if (lun < 0 || lun > MAX_LUN) {
            throw new ConfigException(PID, "lun", "must be in [0, " + MAX_LUN + "], was " + lun);
        }
        int sizeMB = config.sizeMB();
        if (sizeMB <= 0 || sizeMB > MAX_SIZE_MB) {
            throw new ConfigException(PID, "sizeMB", "must be in [1, " + MAX_SIZE_MB + "], was " + sizeMB);
        }
        String naa = naaHex(config.luIdentity(), target, lun);
        String serial = serial(config.serial(), naa);
        return new LunSettings(target, lun, sizeMB, naa, serial, adapters(config.adapters(), knownAdapter));
    }

    private static String naaHex(String configured, String target, long lun) throws ConfigException {
        String value = configured == null ? "" : configured.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return derivedNaa(target, lun);
        }
        String hex = value.startsWith("naa.") ? value.substring(4) : value;
        if (!NAA6.matcher(hex).matches()) {
            throw new ConfigException(PID, "luIdentity", "'" + configured
                    + "' is not an NAA type 6 identity (32 hex digits starting with 6, optionally prefixed 'naa.')");
        }
        return hex;
    }

    /** A deterministic NAA type 6 identity: SHA-256 of target and LUN, first nibble forced to 6. */
    static String derivedNaa(String target, long lun) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((target + "/" + lun).getBytes(StandardCharsets.UTF_8));
            hash[0] = (byte) (0x60 | (hash[0] & 0x0F));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String serial(String configured, String naa) throws ConfigException {
        String value = configured == null ? "" : configured.trim();
        if (value.isEmpty()) {
            return naa.substring(16);
        }
        if (!SERIAL.matcher(value).matches()) {
            throw new ConfigException(PID, "serial", "'" + value + "' must be 1 to 64 printable ASCII characters");
        }
        return value;
    }

    /**
     * The adapter names, each entry also split at commas and spaces: a Karaf .cfg file gives
     * {@code adapters = hba0,hba1} as one string.
     */
    private static List<String> adapters(List<String> configured, Predicate<String> knownAdapter) throws ConfigException {
        Set<String> names = new LinkedHashSet<>();
        for (String entry : configured) {
            for (String name : (entry == null ? "" : entry).trim().split("[,\\s]+")) {
                if (name.isEmpty()) {
                    throw new ConfigException(PID, "adapters", "an adapter name is blank");
                }
                if (!knownAdapter.test(name)) {
                    throw ConfigException.unknownAdapter(PID, "adapters", name);
                }
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new ConfigException(PID, "adapters", "must name at least one adapter");
        }
        return List.copyOf(names);
    }

    /** The LU identity as DataPath.LU_IDENTITY and DeviceIdentification.luIdentity give it. */
    public String luIdentity() {
        return "naa." + naaHex;
    }

    public byte[] naaBytes() {
        return HexFormat.of().parseHex(naaHex);
    }

    public long blocks() {
        return (long) sizeMB * (1024 * 1024 / BLOCK_SIZE);
    }

    /** True when the settings that paths advertise or answer with are equal; only the adapters may differ. */
    public boolean sameIdentity(LunSettings other) {
        return target.equals(other.target) && lun == other.lun && naaHex.equals(other.naaHex)
                && serial.equals(other.serial) && sizeMB == other.sizeMB;
    }
}
