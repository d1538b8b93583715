/**
 * The simulated hardware: adapters with their scheduler thread and queue, LUNs with sparse storage and a SCSI
 * emulator, the paths that join an adapter to a LUN, and the faults set on them. Knows nothing of OSGi; the
 * components in the parent package build it from configuration and publish its paths.
 */
package org.hbateam.driver.sim.internal.model;
