package org.hbateam.itests.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is exactly what the metatype of the bundles in the built assembly says, so every key of every
 * PID is documented, with its real default and range. On a difference the current text is written to
 * target/generated-docs/configuration.md, ready to copy over the doc.
 */
class ConfigurationReferenceIT {

    @Test
    void theReferenceListsEveryKeyOfEveryPidAsTheMetatypeSays() throws Exception {
        List<Path> bundles = hbateamBundles();
        ConfigurationReference reference = new ConfigurationReference();
        int files = 0;
        for (Path bundle : bundles) {
            files += addMetatype(bundle, reference);
        }
        assertTrue(files >= 8, "the assembly's bundles carry the metatype of every PID (8 when this was written), found " + files);
        String expected = reference.markdown();
        Path generated = Paths.get(System.getProperty("hbateam.workdir")).resolveSibling("generated-docs").resolve("configuration.md");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, expected);
        String actual = Files.readString(DocExamples.document("docs/configuration.md"));
        assertEquals(expected, actual, "docs/configuration.md is out of date with the metatype; review and copy "
                + generated + " to docs/configuration.md");
    }

    private static int addMetatype(Path bundle, ConfigurationReference reference) throws IOException {
        int count = 0;
        try (JarFile jar = new JarFile(bundle.toFile())) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith("OSGI-INF/metatype/") && entry.getName().endsWith(".xml")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        reference.add(in);
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** The hbateam bundles of the assembly's system/ repository, unpacked from the archive into the work folder. */
    private static List<Path> hbateamBundles() throws Exception {
        Path archive = Paths.get(System.getProperty("hbateam.assembly"));
        Path dir = Paths.get(System.getProperty("hbateam.workdir")).resolve("configuration-reference");
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString(), "--wildcards",
                "*/system/org/hbateam/*.jar").redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes());
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0, "tar unpacked the bundles: " + out);
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        return jars;
    }
}
