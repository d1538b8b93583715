/**
 * Fault injection for the simulated HBA driver: cut, black-hole, slow down and restore simulated adapters
 * and paths. Tests and shell commands use the {@link org.hbateam.driver.sim.SimulatedFaults} service that the
 * driver-sim bundle registers.
 *
 * <p>2.0.0: {@code SimulatedFaults.inject(Fault)} and {@code restore(scope, name)} replace the eight methods per
 * kind and scope ({@code cutAdapter}, {@code cutPath}, ...); {@code Fault.cut}, {@code blackHole} and {@code slow}
 * make the faults.
 */
@Export
@Version("2.0.0")
package org.hbateam.driver.sim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
