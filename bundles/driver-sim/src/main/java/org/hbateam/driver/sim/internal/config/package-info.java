/**
 * The simulated driver's configuration: the metatype-described adapter and LUN configurations, their validation
 * into settings, and the error that names the first bad key. Plain values with no state, used by the components
 * that apply them and by the model that runs with them.
 */
package org.hbateam.driver.sim.internal.config;
