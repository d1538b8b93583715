/**
 * The simulator MBean {@code org.hbateam:type=Simulator}: fault injection and a background read load for
 * demonstrations, in a bundle of its own so that the management bundle imports no driver.
 */
package org.hbateam.management.sim.internal;
