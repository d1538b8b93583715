/**
 * The HBA driver SPI. A vendor driver bundle publishes each data path (adapter to target port to LUN) as a {@link org.hbateam.api.path.DataPath} service.
 *
 * <p>2.0.0: {@code DataPath.abort} returns the fence of the command; {@code PathException} says whether the
 * command may still run ({@code Outcome}) and gained the reason {@code REFUSED}.
 * 2.1.0: the optional service property {@code DataPath.LU_DESIGNATOR}; {@code LU_IDENTITY} holds no blanks.
 * 2.2.0: {@code PathStateListeners}, the listener set a driver keeps for each path.
 */
@Export
@Version("2.2.0")
package org.hbateam.api.path;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
