/**
 * SCSI value types: commands, CDB builders and parsers, results and sense data.
 */
@Export
@Version("1.1.0")
package org.hbateam.api.scsi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
