package org.hbateam.management.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.hbateam.failover.admin.FailoverAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The live page on the OSGi HTTP Whiteboard, in {@link ConsoleAccess}'s context (so behind its login):
 * {@code /hbateam/} is the page (self-contained HTML, CSS and JavaScript, no CDN), {@code /hbateam/api/status}
 * the JSON it polls, {@code /hbateam/api/health} the hbateam health checks alone. GETs change nothing; the
 * POSTs of {@link ConsoleOperations} are the only way this servlet changes hbateam.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=hbateam",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + ConsoleAccess.CONTEXT_NAME + ")"})
public final class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String PAGE = "console.html";

    private final transient FailoverAdmin admin;
    private final transient TeamService teams;
    private final transient HistoryRecorder recorder;
    private final transient ConsoleOperations operations;
    private transient volatile HealthCheckExecutor healthExecutor;

    @Activate
    public ConsoleServlet(@Reference(name = "admin") FailoverAdmin admin, @Reference(name = "teams") TeamService teams,
                          @Reference(name = "recorder") HistoryRecorder recorder) {
        this.admin = admin;
        this.teams = teams;
        this.recorder = recorder;
        this.operations = new ConsoleOperations(admin);
    }

    @Reference(name = "healthExecutor", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHealthExecutor(HealthCheckExecutor executor) {
        this.healthExecutor = executor;
    }

    void unbindHealthExecutor(HealthCheckExecutor executor) {
        if (healthExecutor == executor) {
            healthExecutor = null;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "" -> response.sendRedirect(request.getRequestURI() + "/");
            case "/" -> page(response);
            case "/api/status" -> json(response, status());
            case "/api/health" -> json(response, StatusDocument.writeHealth(health()));
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such page: " + path);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsoleOperations.Outcome outcome = operations.perform(request.getPathInfo());
        response.setStatus(outcome.status());
        json(response, outcome.json());
    }

    private String status() {
        Map<String, List<PathInfo>> infos = new LinkedHashMap<>();
        for (Team team : teams.teams()) {
            infos.put(team.name(), team.paths());
        }
        return StatusDocument.write(System.currentTimeMillis(), admin.statuses(), infos, recorder.history(), health());
    }

    private List<HealthVerdict> health() {
        HealthCheckExecutor executor = healthExecutor;
        if (executor == null) {
            return List.of();
        }
        List<HealthVerdict> verdicts = new ArrayList<>();
        for (HealthCheckExecutionResult r : executor.execute(HealthCheckSelector.tags("hbateam"))) {
            Result result = r.getHealthCheckResult();
            verdicts.add(new HealthVerdict(r.getHealthCheckMetadata().getName(), result.getStatus().name(), message(result)));
        }
        return verdicts;
    }

    /** The lines that made the verdict: those not OK, or the first line when all are OK. */
    private static String message(Result result) {
        List<String> bad = new ArrayList<>();
        String first = "";
        for (ResultLog.Entry entry : result) {
            if (first.isEmpty()) {
                first = entry.getMessage();
            }
            if (entry.getStatus() != Result.Status.OK) {
                bad.add(entry.getMessage());
            }
        }
        return bad.isEmpty() ? first : String.join("; ", bad);
    }

    private void page(HttpServletResponse response) throws IOException {
        try (InputStream in = ConsoleServlet.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "page resource missing from the bundle");
                return;
            }
            response.setContentType("text/html;charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(in.readAllBytes());
        }
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
