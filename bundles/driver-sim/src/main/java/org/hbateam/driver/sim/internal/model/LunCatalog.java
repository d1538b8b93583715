package org.hbateam.driver.sim.internal.model;

import java.util.List;

/** Answers which LUNs an adapter sees behind a target, for REPORT LUNS. */
public interface LunCatalog {
    /** The numbers of the LUNs of {@code target} that {@code adapter} reaches, ascending. */
    List<Long> lunsBehind(String adapter, String target);
}
