package org.hbateam.management.internal.web;

/**
 * One health check's result as the page shows it.
 *
 * @param name    the check's {@code hc.name}
 * @param status  OK, WARN, CRITICAL, ...
 * @param message its log lines that are not OK, or its first line when all are
 */
record HealthVerdict(String name, String status, String message) {
}
