package org.hbateam.driver.iscsi.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One software iSCSI adapter: factory PID {@value AdapterSettings#PID}. */
@ObjectClassDefinition(id = AdapterSettings.PID, name = "hbateam iSCSI adapter",
        description = "A software iSCSI HBA: one initiator bound to a local address, with one session per "
                + "portal and target, and one data path per disk LUN behind each session.")
@interface IscsiAdapterConfiguration {
    @AttributeDefinition(name = "Name", description = "The adapter id of its paths: letters, digits, '.', '_' "
            + "or '-', 1 to 64 characters. Required.")
    String name();

    @AttributeDefinition(name = "Local address", required = false, description = "The local IP address the "
            + "adapter's connections are bound to, which picks the interface. Empty: any address. Default empty.")
    String localAddress() default "";

    @AttributeDefinition(name = "Initiator name", required = false, description = "The initiator IQN, starting "
            + "with iqn., eui. or naa. Empty: this host's own name, iqn.2026-01.org.hbateam: plus 12 hex digits "
            + "derived from /etc/machine-id (or the host name), logged at start. Default empty.")
    String initiatorName() default "";

    @AttributeDefinition(name = "Portals", description = "Target portals as host:port ([v6]:port for IPv6; "
            + "port 3260 when left out). In a .cfg file one line, several separated by commas: "
            + "portals = 10.250.1.2:3260, 10.250.2.2:3260. Required: at least one.")
    String[] portals();

    @AttributeDefinition(name = "Targets", required = false, description = "Target IQNs to log in to through "
            + "every portal. In a .cfg file one line, several separated by commas. Empty: ask each portal with "
            + "SendTargets discovery. Default empty.")
    String[] targets() default {};

    @AttributeDefinition(name = "Connections (MC/S)", required = false, description = "Connection-based teaming: "
            + "one session per target whose connections run over several adapters, one connection per portal. Each "
            + "entry is ADAPTER_ID@LOCAL_ADDRESS: the i-th entry's connection (CID i) goes from that local address to "
            + "the i-th portal, and its paths carry that adapter id. As many entries as portals, 2 to 8; needs targets "
            + "and an empty localAddress. In a .cfg file one line, several separated by commas: connections = "
            + "hba1@10.250.1.1, hba2@10.250.2.1. If the target refuses a second connection or mishandles the Logout of "
            + "a dead one, the adapter falls back to one session per entry (health check WARN). Empty: session-based "
            + "teaming, one session per portal and target. Default empty.")
    String[] connections() default {};

    @AttributeDefinition(name = "CHAP user", required = false, description = "Our CHAP name. Empty: no "
            + "authentication. Default empty.")
    String chapUser() default "";

    @AttributeDefinition(name = "CHAP secret", type = AttributeType.PASSWORD, required = false,
            description = "The secret the target checks us with; required when a CHAP user is set. Never logged.")
    String chapSecret() default "";

    @AttributeDefinition(name = "Mutual CHAP user", required = false, description = "The name the target "
            + "must answer with for mutual CHAP. Empty: one-way CHAP. Needs a CHAP user. Default empty.")
    String mutualChapUser() default "";

    @AttributeDefinition(name = "Mutual CHAP secret", type = AttributeType.PASSWORD, required = false,
            description = "The secret the target must prove; required with a mutual CHAP user. Never logged.")
    String mutualChapSecret() default "";

    @AttributeDefinition(name = "Header digest", options = {@Option(value = "None"), @Option(value = "CRC32C")},
            description = "Ask for CRC32C header digests. None or CRC32C. Default None.")
    String headerDigest() default "None";

    @AttributeDefinition(name = "Data digest", options = {@Option(value = "None"), @Option(value = "CRC32C")},
            description = "Ask for CRC32C data digests. None or CRC32C. Default None.")
    String dataDigest() default "None";

    @AttributeDefinition(name = "Immediate data", description = "Offer ImmediateData=Yes: write data rides "
            + "in the command PDU. Default true.")
    boolean immediateData() default true;

    @AttributeDefinition(name = "Initial R2T", description = "Offer InitialR2T=Yes: no unsolicited Data-Out. "
            + "Default false (unsolicited data up to FirstBurstLength, if the target agrees).")
    boolean initialR2T() default false;

    @AttributeDefinition(name = "MaxBurstLength", min = "512", max = "16777215", description = "The largest "
            + "data sequence in bytes. Range 512 to 16777215. Default 1048576.")
    int maxBurstLength() default 1048576;

    @AttributeDefinition(name = "FirstBurstLength", min = "512", max = "16777215", description = "The largest "
            + "unsolicited data per command in bytes; at most MaxBurstLength. Range 512 to 16777215. Default 65536.")
    int firstBurstLength() default 65536;

    @AttributeDefinition(name = "MaxRecvDataSegmentLength", min = "512", max = "16777215", description = "The "
            + "largest data segment we receive, in bytes. Range 512 to 16777215. Default 262144.")
    int maxRecvDataSegmentLength() default 262144;

    @AttributeDefinition(name = "Login timeout (ms)", min = "100", max = "600000", description = "Connect plus "
            + "login must finish within this. Range 100 to 600000. Default 10000.")
    int loginTimeoutMs() default AdapterSettings.DEFAULT_LOGIN_TIMEOUT_MS;

    @AttributeDefinition(name = "NOP interval (ms)", min = "100", max = "3600000", description = "Send a "
            + "NOP-Out ping after this long without a PDU from the target. Range 100 to 3600000. Default 1000.")
    int nopIntervalMs() default AdapterSettings.DEFAULT_NOP_INTERVAL_MS;

    @AttributeDefinition(name = "NOP timeout (ms)", min = "100", max = "3600000", description = "An unanswered "
            + "ping this old means a dead link: the path goes DOWN and its commands fail with TIMEOUT. Range 100 "
            + "to 3600000. Default 2000.")
    int nopTimeoutMs() default AdapterSettings.DEFAULT_NOP_TIMEOUT_MS;

    @AttributeDefinition(name = "Task management timeout (ms)", min = "100", max = "600000", description = "An "
            + "ABORT TASK unanswered this long escalates to LOGICAL UNIT RESET; a reset unanswered this long drops the "
            + "connection, failing what it held. Range 100 to 600000. Default 10000.")
    int taskManagementTimeoutMs() default AdapterSettings.DEFAULT_TASK_MANAGEMENT_TIMEOUT_MS;

    @AttributeDefinition(name = "Reconnect delay (ms)", min = "10", max = "600000", description = "The first "
            + "wait before logging in again after a failure; doubled per failure up to the reconnect delay cap. "
            + "Range 10 to 600000. Default 1000.")
    int reconnectDelayMs() default AdapterSettings.DEFAULT_RECONNECT_DELAY_MS;

    @AttributeDefinition(name = "Reconnect delay cap (ms)", min = "10", max = "600000", description = "The longest "
            + "wait between login attempts (and SendTargets discovery attempts); it caps the reconnect delay too. "
            + "Keep it well below the failover service's noPathRetry, so a target that returns is found while "
            + "commands still wait. Range 10 to 600000. Default 1000.")
    int reconnectMaxDelayMs() default AdapterSettings.DEFAULT_RECONNECT_MAX_DELAY_MS;
}
