package org.hbateam.management.internal.web;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP Whiteboard context of the page, {@value #CONTEXT_PATH}: every request passes {@link AccessPolicy}
 * before the servlet sees it. A request without credentials gets a Basic challenge (401), so that a browser asks
 * for user and password; a refused one gets 403 with the reason.
 */
@Component(service = ServletContextHelper.class, configurationPid = ConsoleAccess.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {
                "osgi.http.whiteboard.context.name=" + ConsoleAccess.CONTEXT_NAME,
                "osgi.http.whiteboard.context.path=" + ConsoleAccess.CONTEXT_PATH})
@Designate(ocd = WebAccessConfiguration.class)
public final class ConsoleAccess extends ServletContextHelper {
    static final String PID = "org.hbateam.management.web.access";
    static final String CONTEXT_NAME = "hbateam";
    static final String CONTEXT_PATH = "/hbateam";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAccess.class);

    private final AccessPolicy policy;

    @Activate
    public ConsoleAccess(WebAccessConfiguration config) {
        this(new AccessPolicy(new JaasAuthenticator(config.realm()), config.viewerRole(), config.adminRole(),
                config.remoteAccess()));
    }

    ConsoleAccess(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AccessPolicy.Decision decision = policy.decide(new AccessPolicy.Request(request.getRemoteAddr(),
                request.getMethod(), request.getHeader("Authorization"),
                request.getHeader(AccessPolicy.CSRF_HEADER) != null));
        switch (decision.verdict()) {
            case ALLOW -> {
                request.setAttribute(REMOTE_USER, decision.user());
                request.setAttribute(AUTHENTICATION_TYPE, HttpServletRequest.BASIC_AUTH);
                return true;
            }
            case UNAUTHENTICATED -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"hbateam\", charset=\"UTF-8\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, decision.reason());
                return false;
            }
            default -> {
                LOG.debug("web page: {} {} refused for '{}' from {}: {}", request.getMethod(), request.getRequestURI(),
                        decision.user(), request.getRemoteAddr(), decision.reason());
                response.sendError(HttpServletResponse.SC_FORBIDDEN, decision.reason());
                return false;
            }
        }
    }
}
