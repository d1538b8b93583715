/**
 * The team API that appliance code calls: list teams and their paths, submit SCSI commands, read and write bytes.
 */
@Export
@Version("1.0.0")
package org.hbateam.api.team;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
