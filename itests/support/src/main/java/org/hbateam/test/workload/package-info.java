/**
 * The verifying workload: threads of reads and writes through a team over generation-stamped blocks, each read
 * checked at once against a model of what every block may hold, and every block read back at the end through any
 * reader (the team, one path, the LUN file, another initiator).
 */
@Export
@Version("1.0.0")
package org.hbateam.test.workload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
