/**
 * The HBA driver SPI. A vendor driver bundle publishes each data path (adapter to target port to LUN) as a {@link org.hbateam.api.path.DataPath} service.
 */
@Export
@Version("1.0.0")
package org.hbateam.api.path;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
