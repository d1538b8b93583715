package org.hbateam.test.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedPackagesTest {
    @TempDir
    Path dir;

    @Test
    void commasInsideQuotedRangesDoNotSplitClauses() {
        assertEquals(List.of("a;version=\"[1.0,2)\"", "b", "c;resolution:=optional"),
                SharedPackages.clauses("a;version=\"[1.0,2)\",b,c;resolution:=optional"));
    }

    @Test
    void eachSharedPackageIsExportedAtTheHighestFloorTheBundlesImport() throws IOException {
        Path one = bundle("one.jar", "org.hbateam.api.path;version=\"[2.1,3)\",org.hbateam.api.team;version=\"[1.0,2)\"");
        Path two = bundle("two.jar", "org.hbateam.api.path;version=\"[2.0,3)\",org.osgi.framework;version=\"[1.10,2)\","
                + "org.hbateam.failover.admin;version=\"[1.1,2)\"");
        String exports = SharedPackages.exportedFor(List.of(one, two));
        assertTrue(exports.contains("org.hbateam.api.path;version=2.1.0"), exports);
        assertTrue(exports.contains("org.hbateam.api.team;version=1.0.0"), exports);
        assertTrue(exports.contains("org.hbateam.failover.admin;version=1.1.0"), exports);
        assertTrue(exports.contains("org.osgi.service.cm;version=1.6.1"), "Config Admin's API above Felix's own: " + exports);
        assertTrue(!exports.contains("org.osgi.framework;"), "the framework exports its own packages: " + exports);
    }

    private Path bundle(String name, String imports) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Import-Package", imports);
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
