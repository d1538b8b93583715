package org.hbateam.management.internal.web;

/**
 * One path at one sample time.
 *
 * @param pathId         the path's id
 * @param bytesPerSecond bytes read and written per second since the previous sample
 * @param readShare      the balancer's read share in percent
 * @param writeShare     the balancer's write share in percent
 * @param up             whether the path could carry I/O (its state was not DOWN)
 */
record PathPoint(String pathId, double bytesPerSecond, double readShare, double writeShare, boolean up) {
}
