package org.hbateam.driver.iscsi.internal.connection;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

/**
 * Logs a retried operation (login, discovery) without flooding the log at a short retry interval: the first
 * failure at WARN, then one WARN line per {@link #REPEAT_NANOS} with the count and the latest reason, and an INFO
 * line with the count when it works again. One thread uses it.
 */
public final class RetryLog {
    static final long REPEAT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Logger log;
    private final String name;
    private final String what;
    private int failures;
    private long lastReportNanos;

    /** @param what the operation as a past-tense phrase's subject, such as "login" or "SendTargets discovery" */
    public RetryLog(Logger log, String name, String what) {
        this.log = log;
        this.name = name;
        this.what = what;
    }

    /** One more failure, for {@code reason}. */
    public void failed(String reason, long nowNanos) {
        failures++;
        if (failures == 1) {
            log.warn("{}: {} failed: {}; retrying", name, what, reason);
            lastReportNanos = nowNanos;
        } else if (nowNanos - lastReportNanos >= REPEAT_NANOS) {
            log.warn("{}: {} still failing after {} attempts: {}", name, what, failures, reason);
            lastReportNanos = nowNanos;
        } else {
            log.debug("{}: {} failed again ({} attempts): {}", name, what, failures, reason);
        }
    }

    /** It worked; says so when it had failed before. */
    public void succeeded() {
        if (failures > 0) {
            log.info("{}: {} succeeded again after {} failed attempts", name, what, failures);
            failures = 0;
        }
    }
}
