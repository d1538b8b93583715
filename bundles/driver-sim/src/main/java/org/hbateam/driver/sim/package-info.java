/**
 * Fault injection for the simulated HBA driver: cut, black-hole, slow down and restore simulated adapters
 * and paths. Tests and shell commands use the {@link org.hbateam.driver.sim.SimulatedFaults} service that the
 * driver-sim bundle registers.
 */
@Export
@Version("1.0.0")
package org.hbateam.driver.sim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
