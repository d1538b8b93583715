package org.hbateam.driver.iscsi.internal.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The proofs that a runner's dead sessions are gone at the target ({@link Session#gone}), which fence the commands
 * that died with them. A session whose Logout was answered is gone at once. Any other stays unproven until a login
 * with its ISID succeeds: first through a sibling's live route ({@link ProxyReinstatement}), else the runner's own
 * next login. A runner that stops for good fails the proofs it never got, so nothing waits for them forever.
 * Used by the runner's thread only.
 */
final class GoneProofs {
    private final ProxyReinstatement proxy;
    private final List<Session> unproven = new ArrayList<>();

    GoneProofs(ProxyReinstatement proxy) {
        this.proxy = proxy;
    }

    /** The session ended: with its Logout answered it is gone, otherwise it waits for a reinstatement. */
    void ended(Session session, boolean loggedOut) {
        if (loggedOut) {
            session.provenGone();
        } else {
            unproven.add(session);
        }
    }

    /** A login with the runner's ISID succeeded: it reinstated every earlier session of that ISID. */
    void loggedIn() {
        unproven.forEach(Session::provenGone);
        unproven.clear();
    }

    /** Reinstates the unproven sessions through a sibling's route at once, rather than after the runner's backoff. */
    void tryThroughSibling(SessionRunner runner) {
        if (!unproven.isEmpty() && proxy.reinstate(runner)) {
            loggedIn();
        }
    }

    /** The runner stops for good: whatever waits for a proof learns it will not come. */
    void giveUp(String why) {
        unproven.forEach(s -> s.neverProvenGone(why));
        unproven.clear();
    }
}
