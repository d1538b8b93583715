package org.hbateam.balancer.common;

import java.util.Locale;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.scsi.Direction;

/** Formats a balancer's shares on one line for {@link Balancer#status()}, e.g. {@code read p0=60.0 p1=40.0}. */
public final class ShareLine {
    private ShareLine() {
    }

    /** The shares {@code balancer} reports for {@code direction}, one {@code path=percent} per slot. */
    public static String of(Balancer balancer, PathSet paths, Direction direction) {
        StringBuilder line = new StringBuilder(direction.name().toLowerCase(Locale.ROOT));
        for (int slot = 0; slot < paths.size(); slot++) {
            line.append(' ').append(paths.pathId(slot)).append('=')
                .append(String.format(Locale.ROOT, "%.1f", balancer.share(paths, slot, direction)));
        }
        return line.toString();
    }
}
