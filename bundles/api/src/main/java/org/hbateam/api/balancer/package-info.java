/**
 * The balancer SPI. A strategy bundle publishes a {@link org.hbateam.api.balancer.BalancerFactory} under a policy name; the failover service creates one {@link org.hbateam.api.balancer.Balancer} per team from it.
 */
@Export
@Version("1.0.0")
package org.hbateam.api.balancer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
