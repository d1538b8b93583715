package org.hbateam.driver.iscsi.internal.session;

import java.net.InetSocketAddress;
import java.util.List;

import org.hbateam.driver.iscsi.internal.login.Portal;

/**
 * The routes to a target that other sessions of this driver have just proven alive: another adapter's local
 * address and the portal it is logged in through. A session that died with commands whose outcome is unknown
 * logs in once through one of them with its own ISID, which reinstates it at the target and so proves that
 * nothing it carried will still run ({@link ProxyReinstatement}).
 */
public interface SiblingRoutes {
    /** A local address (null: any) and a portal that reach the target. */
    record Route(InetSocketAddress localAddress, Portal portal) {
    }

    /** No routes at all: a session then waits for its own next login. */
    SiblingRoutes NONE = (targetName, except) -> List.of();

    /** Live routes to {@code targetName}, best first, other than {@code except}'s own. */
    List<Route> liveRoutes(String targetName, SessionRunner except);
}
