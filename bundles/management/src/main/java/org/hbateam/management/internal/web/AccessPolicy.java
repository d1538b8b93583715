package org.hbateam.management.internal.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * Who may do what on the page, decided from the plain facts of a request so that it is tested without a servlet
 * container. Reading (GET, HEAD) needs the viewer or the admin role; anything else (the POST operations) needs
 * the admin role and the {@value #CSRF_HEADER} header, which a cross-site form cannot send with the browser's
 * cached credentials. Unless remote access is switched on, a request from outside the loopback interface is
 * refused whoever sends it, even where the HTTP service listens on other addresses.
 */
final class AccessPolicy {
    /** Header every POST must carry, with any value. */
    static final String CSRF_HEADER = "X-Requested-By";

    /** What to answer. */
    enum Verdict { ALLOW, UNAUTHENTICATED, FORBIDDEN }

    /** The verdict, the user it concerns (empty when none logged in) and why, for the error page and the log. */
    record Decision(Verdict verdict, String user, String reason) {
    }

    /** What the policy looks at in a request. */
    record Request(String remoteAddress, String method, String authorization, boolean hasCsrfHeader) {
    }

    private final Authenticator authenticator;
    private final String viewerRole;
    private final String adminRole;
    private final boolean remoteAccess;

    AccessPolicy(Authenticator authenticator, String viewerRole, String adminRole, boolean remoteAccess) {
        this.authenticator = authenticator;
        this.viewerRole = viewerRole;
        this.adminRole = adminRole;
        this.remoteAccess = remoteAccess;
    }

    Decision decide(Request request) {
        if (!remoteAccess && !isLoopback(request.remoteAddress())) {
            return new Decision(Verdict.FORBIDDEN, "", "the page answers on the loopback interface only (remoteAccess=false)");
        }
        String[] credentials = basicCredentials(request.authorization());
        if (credentials == null) {
            return new Decision(Verdict.UNAUTHENTICATED, "", "log in with a user of the Karaf realm");
        }
        char[] password = credentials[1].toCharArray();
        Set<String> roles = authenticator.roles(credentials[0], password);
        Arrays.fill(password, '\0');
        if (roles == null) {
            return new Decision(Verdict.UNAUTHENTICATED, credentials[0], "wrong user or password");
        }
        return authorize(request, credentials[0], roles);
    }

    private Decision authorize(Request request, String user, Set<String> roles) {
        boolean reads = "GET".equals(request.method()) || "HEAD".equals(request.method());
        if (reads && (roles.contains(viewerRole) || roles.contains(adminRole))) {
            return new Decision(Verdict.ALLOW, user, "");
        }
        if (reads) {
            return new Decision(Verdict.FORBIDDEN, user, "reading the page needs the role " + viewerRole + " or " + adminRole);
        }
        if (!roles.contains(adminRole)) {
            return new Decision(Verdict.FORBIDDEN, user, "operations need the role " + adminRole);
        }
        if (!request.hasCsrfHeader()) {
            return new Decision(Verdict.FORBIDDEN, user, "operations must carry the " + CSRF_HEADER + " header");
        }
        return new Decision(Verdict.ALLOW, user, "");
    }

    /** User and password of a Basic authorization (RFC 7617), or null when there is none or it is malformed. */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static boolean isLoopback(String address) {
        // The container gives the peer as an address literal, so this never asks DNS.
        try {
            return address != null && address.matches("[0-9A-Fa-f:.\\[\\]%]+")
                    && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
