package org.hbateam.management.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.hbateam.management.internal.web.AccessPolicy.Request;
import org.hbateam.management.internal.web.AccessPolicy.Verdict;
import org.junit.jupiter.api.Test;

/** Viewers read, admins act, nobody gets in without a right password, and only loopback unless switched on. */
class AccessPolicyTest {
    private static final Map<String, String> PASSWORDS = Map.of("karaf", "karaf", "viewer", "viewer", "guest", "guest");
    private static final Map<String, Set<String>> ROLES = Map.of("karaf", Set.of("admin", "viewer"),
            "viewer", Set.of("viewer"), "guest", Set.of("ssh"));
    private static final Authenticator USERS = (user, password) ->
            PASSWORDS.containsKey(user) && PASSWORDS.get(user).equals(new String(password)) ? ROLES.get(user) : null;
    private final AccessPolicy loopbackOnly = new AccessPolicy(USERS, "viewer", "admin", false);

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Verdict verdict(AccessPolicy policy, String address, String method, String authorization, boolean csrf) {
        return policy.decide(new Request(address, method, authorization, csrf)).verdict();
    }

    @Test
    void anonymousAndWrongPasswordsAreAskedToLogIn() {
        assertEquals(Verdict.UNAUTHENTICATED, verdict(loopbackOnly, "127.0.0.1", "GET", null, false), "anonymous");
        assertEquals(Verdict.UNAUTHENTICATED, verdict(loopbackOnly, "127.0.0.1", "GET", basic("viewer", "wrong"), false),
                "wrong password");
        assertEquals(Verdict.UNAUTHENTICATED, verdict(loopbackOnly, "127.0.0.1", "GET", "Basic !!not-base64", false),
                "malformed credentials");
        assertEquals(Verdict.UNAUTHENTICATED, verdict(loopbackOnly, "127.0.0.1", "GET", "Bearer abc", false),
                "another scheme");
    }

    @Test
    void viewersReadAndOnlyAdminsAct() {
        assertEquals(Verdict.ALLOW, verdict(loopbackOnly, "127.0.0.1", "GET", basic("viewer", "viewer"), false), "viewer reads");
        assertEquals(Verdict.FORBIDDEN, verdict(loopbackOnly, "127.0.0.1", "POST", basic("viewer", "viewer"), true),
                "a viewer may not act");
        assertEquals(Verdict.ALLOW, verdict(loopbackOnly, "127.0.0.1", "GET", basic("karaf", "karaf"), false), "admin reads");
        assertEquals(Verdict.ALLOW, verdict(loopbackOnly, "::1", "POST", basic("karaf", "karaf"), true), "admin acts");
        assertEquals(Verdict.FORBIDDEN, verdict(loopbackOnly, "127.0.0.1", "GET", basic("guest", "guest"), false),
                "a user with neither role may not even read");
    }

    @Test
    void anOperationWithoutTheCsrfHeaderIsRefusedEvenToAnAdmin() {
        AccessPolicy.Decision decision = loopbackOnly.decide(new Request("127.0.0.1", "POST", basic("karaf", "karaf"), false));
        assertEquals(Verdict.FORBIDDEN, decision.verdict(), "a cross-site form cannot set the header");
        assertTrue(decision.reason().contains(AccessPolicy.CSRF_HEADER), decision.reason());
    }

    @Test
    void remoteRequestsAreRefusedUnlessSwitchedOn() {
        assertEquals(Verdict.FORBIDDEN, verdict(loopbackOnly, "10.0.0.7", "GET", basic("karaf", "karaf"), false),
                "remoteAccess=false refuses a right password from elsewhere");
        assertEquals(Verdict.FORBIDDEN, verdict(loopbackOnly, "appliance.example", "GET", basic("karaf", "karaf"), false),
                "a name is not an address literal and is never looked up");
        AccessPolicy remote = new AccessPolicy(USERS, "viewer", "admin", true);
        assertEquals(Verdict.ALLOW, verdict(remote, "10.0.0.7", "GET", basic("viewer", "viewer"), false), "switched on");
        assertEquals(Verdict.UNAUTHENTICATED, verdict(remote, "10.0.0.7", "GET", null, false), "still needs a login");
    }
}
