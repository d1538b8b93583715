/**
 * The failover service's DS components and their wiring: {@code FailoverService} (teams for {@code TeamService}
 * and {@code FailoverAdmin}, the sweeper thread, the driver-call pool), {@code TeamConfigComponent} (one per
 * {@code org.hbateam.team} configuration), {@code EventAdminSink}, and the selection of a balancer by target
 * filter. The sub-packages hold what they run: {@code config}, {@code team}, {@code command}, {@code health},
 * {@code events}. Not exported.
 */
package org.hbateam.failover.internal;
