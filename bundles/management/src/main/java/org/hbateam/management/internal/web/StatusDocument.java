package org.hbateam.management.internal.web;

import java.util.List;
import java.util.Map;

import org.hbateam.api.team.PathInfo;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;

/**
 * Writes the JSON the page polls: every team with its paths now and its samples, the recent events and the
 * hbateam health verdicts. Samples are compact: {@code {"t":millis,"p":{"pathId":[bytesPerSecond,readShare,writeShare,up]}}}.
 */
final class StatusDocument {
    private StatusDocument() {
    }

    static String write(long nowMillis, List<TeamStatus> teams, Map<String, List<PathInfo>> pathInfos, History history,
                        List<HealthVerdict> health) {
        Json json = new Json().beginObject().name("now").value(nowMillis);
        json.name("teams").beginArray();
        for (TeamStatus team : teams) {
            team(json, team, pathInfos.getOrDefault(team.name(), List.of()), history.samples(team.name()));
        }
        json.endArray().name("events").beginArray();
        for (TimelineEvent e : history.events()) {
            json.beginObject().name("t").value(e.epochMillis()).name("topic").value(e.topic()).name("team").value(e.team())
                    .name("path").value(e.pathId()).name("reason").value(e.reason()).endObject();
        }
        json.endArray();
        return health(json, health).endObject().toString();
    }

    /** Only the health verdicts: {@code {"health":[{"name":..,"status":..,"message":..}]}}. */
    static String writeHealth(List<HealthVerdict> health) {
        return health(new Json().beginObject(), health).endObject().toString();
    }

    private static Json health(Json json, List<HealthVerdict> health) {
        json.name("health").beginArray();
        for (HealthVerdict v : health) {
            json.beginObject().name("name").value(v.name()).name("status").value(v.status()).name("message").value(v.message()).endObject();
        }
        return json.endArray();
    }

    private static void team(Json json, TeamStatus team, List<PathInfo> infos, List<Sample> samples) {
        json.beginObject().name("name").value(team.name()).name("luIdentity").value(team.luIdentity())
                .name("policy").value(team.policy()).name("mode").value(team.mode())
                .name("usablePaths").value(team.usablePaths()).name("queued").value(team.queuedCommands())
                .name("failovers").value(team.failovers()).name("retries").value(team.retries()).name("lastFailover").value(team.lastFailoverMillis());
        json.name("paths").beginArray();
        for (PathStatus path : team.paths()) {
            PathInfo info = infos.stream().filter(i -> i.pathId().equals(path.pathId())).findFirst().orElse(null);
            json.beginObject().name("id").value(path.pathId()).name("adapter").value(path.adapterId())
                    .name("state").value(info == null ? path.driverState() : info.state().name())
                    .name("usable").value(path.usable()).name("heldOut").value(path.heldOut())
                    .name("heldByOperator").value(path.heldByOperator()).name("flaky").value(path.flaky())
                    .name("readShare").value(info == null ? 0 : info.readShare())
                    .name("writeShare").value(info == null ? 0 : info.writeShare())
                    .name("bytesRead").value(info == null ? 0 : info.bytesRead())
                    .name("bytesWritten").value(info == null ? 0 : info.bytesWritten())
                    .name("inFlight").value(path.inFlight())
                    .name("latencyMicros").value(path.averageLatencyNanos() / 1000).endObject();
        }
        json.endArray().name("samples").beginArray();
        for (Sample s : samples) {
            json.beginObject().name("t").value(s.epochMillis()).name("p").beginObject();
            for (PathPoint p : s.paths()) {
                json.name(p.pathId()).beginArray().value(p.bytesPerSecond()).value(p.readShare()).value(p.writeShare()).value(p.up()).endArray();
            }
            json.endObject().endObject();
        }
        json.endArray().endObject();
    }
}
