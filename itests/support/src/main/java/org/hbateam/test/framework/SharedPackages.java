package org.hbateam.test.framework;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages the system bundle exports from the launcher's class path, so that the harness and the bundles
 * share their types: the hbateam API and the admin and fault-injection packages, each at the version the
 * bundles to install import (the floor of their range), so no version is written down here to drift; Config
 * Admin's at 1.6.1, the class path's API jar, above the 1.6.0 that Felix Config Admin exports itself, so that
 * every bundle, Config Admin included, wires to the class path's copy; slf4j at the class path's version.
 */
final class SharedPackages {
    static final List<String> HBATEAM = List.of("org.hbateam.api.scsi", "org.hbateam.api.path",
            "org.hbateam.api.balancer", "org.hbateam.api.team", "org.hbateam.failover.admin", "org.hbateam.driver.sim");
    private static final String FIXED = "org.osgi.service.cm;version=1.6.1,org.slf4j;version=1.7.36";
    private static final Pattern VERSION_FLOOR = Pattern.compile("version=\"?[\\[(]?([0-9][0-9.]*)");

    private SharedPackages() {
    }

    /** The Export-Package list for {@code org.osgi.framework.system.packages.extra}. */
    static String exportedFor(List<Path> bundleJars) throws IOException {
        Map<String, Version> wanted = new TreeMap<>();
        for (Path jar : bundleJars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                String imports = file.getManifest().getMainAttributes().getValue("Import-Package");
                for (String clause : clauses(imports == null ? "" : imports)) {
                    String name = clause.split(";", 2)[0].trim();
                    if (HBATEAM.contains(name)) {
                        wanted.merge(name, floor(clause), Version::max);
                    }
                }
            }
        }
        StringBuilder exports = new StringBuilder(FIXED);
        wanted.forEach((name, version) -> exports.append(',').append(name).append(";version=").append(version));
        return exports.toString();
    }

    /** The clauses of a manifest header: commas inside quoted values (version ranges) do not split. */
    static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                clauses.add(header.substring(start, i));
                start = i + 1;
            }
        }
        clauses.add(header.substring(start));
        return clauses;
    }

    private static Version floor(String clause) {
        Matcher m = VERSION_FLOOR.matcher(clause);
        return m.find() ? Version.parse(m.group(1)) : new Version(0, 0, 0);
    }

    /** Just enough of an OSGi version to compare floors. */
    record Version(int major, int minor, int micro) {
        static Version parse(String text) {
            String[] parts = (text + ".0.0").split("\\.");
            return new Version(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }

        static Version max(Version a, Version b) {
            int byMajor = Integer.compare(a.major, b.major);
            int byMinor = byMajor != 0 ? byMajor : Integer.compare(a.minor, b.minor);
            int order = byMinor != 0 ? byMinor : Integer.compare(a.micro, b.micro);
            return order >= 0 ? a : b;
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + micro;
        }
    }
}
