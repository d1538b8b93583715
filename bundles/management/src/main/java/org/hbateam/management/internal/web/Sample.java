package org.hbateam.management.internal.web;

import java.util.List;

/** The paths of one team at one moment (epoch milliseconds). */
record Sample(long epochMillis, List<PathPoint> paths) {
}
