package org.hbateam.management.internal.web;

import org.hbateam.failover.admin.FailoverAdmin;

/**
 * The operations the JSON API offers to admins, by path under {@code /hbateam}:
 * <ul>
 * <li>{@code POST /api/teams/<team>/reset-counters}</li>
 * <li>{@code POST /api/teams/<team>/paths/<path id>/fail}</li>
 * <li>{@code POST /api/teams/<team>/paths/<path id>/reinstate}</li>
 * </ul>
 * Each is what the shell command of the same name does. Who may call them is {@link AccessPolicy}'s business.
 */
final class ConsoleOperations {
    /** An answer: the HTTP status and a JSON body. */
    record Outcome(int status, String json) {
    }

    private final FailoverAdmin admin;

    ConsoleOperations(FailoverAdmin admin) {
        this.admin = admin;
    }

    /** Performs the operation {@code pathInfo} names (the path below the context, as the container decoded it). */
    Outcome perform(String pathInfo) {
        String[] parts = pathInfo == null ? new String[0] : pathInfo.split("/", -1);
        // "", "api", "teams", team, ...
        if (parts.length < 5 || !parts[1].equals("api") || !parts[2].equals("teams") || parts[3].isEmpty()) {
            return error(404, "no such operation: " + pathInfo);
        }
        String team = parts[3];
        try {
            if (parts.length == 5 && parts[4].equals("reset-counters")) {
                admin.resetCounters(team);
                return done(true);
            }
            if (parts.length == 7 && parts[4].equals("paths") && !parts[5].isEmpty()) {
                return onPath(team, parts[5], parts[6]);
            }
            return error(404, "no such operation: " + pathInfo);
        } catch (IllegalArgumentException e) {
            return error(404, e.getMessage());
        }
    }

    private Outcome onPath(String team, String path, String operation) {
        switch (operation) {
            case "fail" -> {
                admin.failPath(team, path);
                return done(true);
            }
            case "reinstate" -> {
                return done(admin.reinstatePath(team, path));
            }
            default -> {
                return error(404, "no such path operation: " + operation);
            }
        }
    }

    private static Outcome done(boolean changed) {
        return new Outcome(200, new Json().beginObject().name("ok").value(true).name("changed").value(changed)
                .endObject().toString());
    }

    private static Outcome error(int status, String message) {
        return new Outcome(status, new Json().beginObject().name("ok").value(false).name("error")
                .value(message == null ? "" : message).endObject().toString());
    }
}
