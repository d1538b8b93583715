package org.hbateam.driver.iscsi.internal.login;

import java.io.IOException;

/** The target redirected the login (status class 1) to another address. */
public class LoginRedirect extends IOException {
    private static final long serialVersionUID = 1L;

    private final Portal portal;
    private final boolean permanent;

    public LoginRedirect(Portal portal, boolean permanent) {
        super("login redirected " + (permanent ? "permanently" : "temporarily") + " to " + portal);
        this.portal = portal;
        this.permanent = permanent;
    }

    public Portal portal() {
        return portal;
    }

    public boolean permanent() {
        return permanent;
    }
}
