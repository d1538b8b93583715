package org.hbateam.management.internal.web;

import java.security.Principal;
import java.util.HashSet;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in through a JAAS realm, as Karaf's SSH console and JMX do: {@code karaf} by default, which reads
 * {@code etc/users.properties}. The roles are the names of the subject's Karaf role principals (group roles
 * included: Karaf's login modules expand them).
 */
final class JaasAuthenticator implements Authenticator {
    /** Karaf's role principal, named rather than imported so that the bundle resolves outside Karaf too. */
    static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    private final String realm;

    JaasAuthenticator(String realm) {
        this.realm = realm;
    }

    @Override
    public Set<String> roles(String user, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads Karaf's proxy login module through the context class loader; with none it uses the
        // system class loader, which holds Karaf's lib/boot. The servlet container's loader may not see it.
        thread.setContextClassLoader(null);
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            login.login();
            Set<String> roles = rolesOf(subject);
            login.logout();
            return roles;
        } catch (LoginException e) {
            LOG.debug("web page login of user '{}' through realm {} failed: {}", user, realm, e.getMessage());
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Set<String> rolesOf(Subject subject) {
        Set<String> roles = new HashSet<>();
        for (Principal principal : subject.getPrincipals()) {
            if (ROLE_PRINCIPAL.equals(principal.getClass().getName())) {
                roles.add(principal.getName());
            }
        }
        return roles;
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
