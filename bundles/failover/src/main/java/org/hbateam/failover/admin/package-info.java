/**
 * Operations on the failover service for operators, the shell and JMX: team and path health status,
 * manual fail, reinstate and primary preference, and counter resets. The failover bundle registers a
 * {@link org.hbateam.failover.admin.FailoverAdmin} service.
 */
@Export
@Version("1.1.0")
package org.hbateam.failover.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
