package org.hbateam.management.internal.jmx;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = JmxPublisher.PID, name = "hbateam JMX", description = "MBeans for hbateam teams and paths")
@interface JmxConfiguration {
    @AttributeDefinition(name = "Refresh interval (ms)", min = "100", max = "60000",
            description = "How often the set of team and path MBeans is matched to the teams and paths that exist (100..60000, default 1000). Attribute values are always read live.")
    long refreshIntervalMs() default 1000;
}
