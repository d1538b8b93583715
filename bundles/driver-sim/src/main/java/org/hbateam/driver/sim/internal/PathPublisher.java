package org.hbateam.driver.sim.internal;

import org.hbateam.driver.sim.internal.model.SimPath;

/** Makes a path visible to the framework (an OSGi service in production, a list in tests). */
public interface PathPublisher {
    /** Publishes the path; the returned action withdraws it again and may be called once. */
    Runnable publish(SimPath path);
}
