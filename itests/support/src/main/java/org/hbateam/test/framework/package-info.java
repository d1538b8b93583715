/**
 * The one embedded framework launcher (Felix with SCR, Config Admin and the bundles of one folder) and the
 * helpers that configure adapters, LUNs and teams through Config Admin as an administrator would.
 */
@Export
@Version("1.0.0")
package org.hbateam.test.framework;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
