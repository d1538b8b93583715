package org.hbateam.failover.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One team's settings: factory PID {@code org.hbateam.team}, one configuration per team (per LU identity). */
@ObjectClassDefinition(id = TeamSettings.PID, name = "hbateam team",
        description = "Settings of one team: the LU it applies to, its name, balancing policy, shares, mode and failover behaviour.")
public @interface TeamConfiguration {
    @AttributeDefinition(name = "LU identity", description = "The hbateam.lu.identity of the paths this configuration applies to (as hbateam:teams shows "
            + "it; a designator with blanks is taken with each run of blanks as one _). Required.")
    String luIdentity();

    @AttributeDefinition(name = "Name", description = "The team's name, without blanks. Default: the LU identity.", required = false)
    String name() default "";

    @AttributeDefinition(name = "Policy",
            description = "Balancing policy: the hbateam.policy of the BalancerFactory to bind (static, dynamic, round-robin, "
                    + "least-queue-depth, service-time). While no such factory is registered the team runs failover-only. Default static.")
    String policy() default "static";

    @AttributeDefinition(name = "Read shares",
            description = "Entries 'adapterOrPathId=percent' (in a .cfg file one comma-separated line: hba0=70,hba1=30). Percentages 0 to 100 summing to 100. Default: equal shares.", required = false)
    String[] readShares() default {};

    @AttributeDefinition(name = "Write shares",
            description = "Entries 'adapterOrPathId=percent' (in a .cfg file one comma-separated line: hba0=70,hba1=30). Percentages 0 to 100 summing to 100. Default: equal shares.", required = false)
    String[] writeShares() default {};

    @AttributeDefinition(name = "Mode",
            description = "balance: all healthy paths carry I/O by share; failover-only: the primary carries everything and the "
                    + "others stand by. Default balance.")
    String mode() default "balance";

    @AttributeDefinition(name = "Primary",
            description = "Adapter id or path id of the primary path for failover-only routing. Default: the first path in priority order.",
            required = false)
    String primary() default "";

    @AttributeDefinition(name = "Priority groups",
            description = "Entries of comma-separated adapter or path ids, best group first, e.g. 'hba0,hba1' then 'hba2' (in a .cfg file "
                    + "one line with ; between groups: hba0,hba1;hba2). I/O goes to the "
                    + "best group with a usable path. Unlisted paths form the last group, ordered by path id. Default: one group by path id.",
            required = false)
    String[] priorityGroups() default {};

    @AttributeDefinition(name = "No-path retry (ms)",
            description = "Overrides the global noPathRetryMs for this team; -1 uses the global value. -1 to 86400000, default -1.")
    long noPathRetryMs() default -1;

    @AttributeDefinition(name = "Failback",
            description = "Overrides the global failback (immediate, manual, stable); empty uses the global value.", required = false)
    String failback() default "";

    @AttributeDefinition(name = "Failback stable time (ms)",
            description = "Overrides the global failbackStableMs; -1 uses the global value. -1 to 3600000, default -1.")
    long failbackStableMs() default -1;
}
