package org.hbateam.management.internal.web;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ConsoleAccess.PID, name = "hbateam web page access",
        description = "Who may use the live page at /hbateam/ and its JSON API: users of a JAAS realm, by role")
@interface WebAccessConfiguration {
    @AttributeDefinition(name = "JAAS realm", description = "The realm that checks user and password "
            + "(default karaf: etc/users.properties)")
    String realm() default "karaf";

    @AttributeDefinition(name = "Viewer role", description = "A user with this role may read the page and "
            + "GET the JSON API (default viewer)")
    String viewerRole() default "viewer";

    @AttributeDefinition(name = "Admin role", description = "A user with this role may read and also POST "
            + "operations (default admin)")
    String adminRole() default "admin";

    @AttributeDefinition(name = "Remote access", description = "false (default): requests from outside the "
            + "loopback interface are refused with 403, wherever the HTTP service listens; true: they may log in")
    boolean remoteAccess() default false;
}
