package org.hbateam.management.internal.web;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = HistoryRecorder.PID, name = "hbateam web page history",
        description = "What the live page at /hbateam/ remembers: per-team samples and recent events")
@interface WebConfiguration {
    @AttributeDefinition(name = "Sample interval (ms)", min = "200", max = "60000",
            description = "How often each team's paths are sampled (200..60000, default 1000)")
    long sampleIntervalMs() default 1000;

    @AttributeDefinition(name = "Samples kept", min = "10", max = "10000",
            description = "Samples kept per team (10..10000, default 300: five minutes at one per second)")
    int samplesKept() default 300;

    @AttributeDefinition(name = "Events kept", min = "10", max = "10000",
            description = "hbateam events kept for the timeline, all teams together (10..10000, default 200)")
    int eventsKept() default 200;
}
