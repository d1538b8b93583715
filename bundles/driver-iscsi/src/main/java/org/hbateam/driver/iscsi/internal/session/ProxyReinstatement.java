package org.hbateam.driver.iscsi.internal.session;

import java.io.IOException;

import org.hbateam.driver.iscsi.internal.connection.Connection;
import org.hbateam.driver.iscsi.internal.connection.Connector;
import org.hbateam.driver.iscsi.internal.connection.Logout;
import org.hbateam.driver.iscsi.internal.connection.SessionSettings;
import org.hbateam.driver.iscsi.internal.login.Negotiated;
import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves a dead session gone at the target through another adapter's live route: a login with the dead session's
 * initiator name and ISID and TSIH 0 is a session reinstatement (RFC 7143 6.3.5), so the target closes the old
 * session's connections before it answers; whatever the old connection still has on the way (in a qdisc, a switch
 * buffer) then meets a closed socket. This is how a command stuck on a cut or congested link is fenced in about
 * one login round trip instead of waiting for that link to return. The session then logs out at once: the
 * runner's own login takes the ISID back when its link works again.
 */
final class ProxyReinstatement {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyReinstatement.class);
    /** A proxy login goes over a route just seen alive; one that takes longer than this is not the quick proof. */
    private static final int PROXY_LOGIN_TIMEOUT_MS = 3000;
    private static final int LOGOUT_TAG = 0x80000001;

    private final SessionSettings settings;
    private final Connector connector;
    private final SiblingRoutes routes;

    ProxyReinstatement(SessionSettings settings, Connector connector, SiblingRoutes routes) {
        this.settings = settings;
        this.connector = connector;
        this.routes = routes;
    }

    /** Tries each live sibling route once; true when one login reinstated the session. */
    boolean reinstate(SessionRunner runner) {
        for (SiblingRoutes.Route route : routes.liveRoutes(settings.targetName(), runner)) {
            SessionSettings via = settings.via(route.localAddress(), route.portal(),
                    Math.min(settings.loginTimeoutMs(), PROXY_LOGIN_TIMEOUT_MS));
            try {
                Connector.Established established = connector.connectOnce(via, 1);
                LOG.info("{}: session reinstated through {} (TSIH {}): what the old one carried can no longer run",
                        settings.name(), route.portal(), established.login().tsih());
                logOut(established, via);
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.info("{}: reinstatement through {} failed: {}", settings.name(), route.portal(), e.getMessage());
            }
        }
        return false;
    }

    /** Closes the proxy session in order (best effort: the proof is already had). */
    private void logOut(Connector.Established established, SessionSettings via) {
        Connection connection = established.connection();
        Negotiated parameters = established.login().parameters();
        connection.reader.limits(parameters.maxRecvDataSegmentLength());
        connection.reader.digests(parameters.headerDigest(), parameters.dataDigest());
        connection.writer.digests(parameters.headerDigest(), parameters.dataDigest());
        connector.watch(connection, via.loginTimeoutMs());
        try {
            Logout.send(connection, LOGOUT_TAG, established.login().cmdSn(), established.login().expStatSn());
            for (int pdus = 0; pdus < 8; pdus++) {
                Bhs h = connection.reader.readHeader();
                connection.reader.readData();
                if (h.opcode() == Opcode.LOGOUT_RESPONSE) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: logout of the proxy session: {}", settings.name(), e.getMessage());
        } finally {
            connector.unwatch();
            connection.close();
        }
    }
}
