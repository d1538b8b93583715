package org.hbateam.driver.iscsi.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The initiator name an adapter uses when its configuration sets none: {@value #PREFIX} plus 12 hex digits that
 * are stable for this host and differ between hosts, the shape open-iscsi's {@code iscsi-iname} gives. A
 * constant default would make two appliances one initiator to a shared target, and each login of one would
 * reinstate (and so kill) the other's session with the same ISID.
 *
 * <p>The digits come from {@code /etc/machine-id}, or the host name where there is none. The machine id is
 * confidential (machine-id(5)), so it is never shown: the digits are an HMAC keyed with it over a fixed
 * application string, as systemd's application-specific ids are. One instance for the bundle; it logs the name
 * once.
 */
@Component(service = HostInitiatorName.class)
public final class HostInitiatorName {
    /** The IQN every derived name starts with. */
    static final String PREFIX = "iqn.2026-01.org.hbateam:";
    /** The name left when the host has neither a machine id nor a host name. */
    static final String FALLBACK = PREFIX + "initiator";
    private static final Logger LOG = LoggerFactory.getLogger(HostInitiatorName.class);
    private static final String APPLICATION = "org.hbateam.iscsi.initiator";
    private static final int HEX_DIGITS = 12;

    private final String name;

    @Activate
    public HostInitiatorName() {
        this(() -> firstLine(Path.of("/etc/machine-id")), HostInitiatorName::hostName);
    }

    /** Takes the two sources as suppliers that give null or blank when they know nothing. */
    HostInitiatorName(Supplier<String> machineId, Supplier<String> hostName) {
        String id = trimmed(machineId.get());
        String source = "/etc/machine-id";
        if (id == null) {
            id = trimmed(hostName.get());
            source = "the host name";
        }
        if (id == null) {
            name = FALLBACK;
            LOG.warn("iSCSI default initiator name is {}: this host has no /etc/machine-id and no host name, so "
                    + "another appliance may use the same one; set initiatorName on each adapter", name);
        } else {
            name = PREFIX + digits(id);
            LOG.info("iSCSI default initiator name is {} (derived from {}); an adapter's initiatorName overrides it",
                    name, source);
        }
    }

    /** The default initiator name of this host. */
    String name() {
        return name;
    }

    private static String digits(String hostKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hostKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] hash = mac.doFinal(APPLICATION.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS);
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide HmacSHA256.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String firstLine(Path file) {
        try {
            return Files.isReadable(file) ? Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                    .findFirst().orElse(null) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String hostName() {
        String name = firstLine(Path.of("/etc/hostname"));
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }
}
