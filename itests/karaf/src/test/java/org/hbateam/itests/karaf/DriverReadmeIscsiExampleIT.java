package org.hbateam.itests.karaf;

import static org.hbateam.itests.karaf.IscsiExamples.assertCleanBench;
import static org.hbateam.itests.karaf.IscsiExamples.assertCommandWorks;
import static org.hbateam.itests.karaf.IscsiExamples.awaitTwoUpPathsInOneTeam;
import static org.hbateam.itests.karaf.IscsiExamples.bedValues;
import static org.hbateam.itests.karaf.IscsiExamples.file;
import static org.hbateam.itests.karaf.IscsiExamples.write;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hbateam.itests.karaf.DocExamples.Example;
import org.hbateam.testbed.BedSpec;
import org.hbateam.testbed.TestBed;
import org.hbateam.testbed.TestBedExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example of bundles/driver-iscsi/README.md, one adapter with a comma list of two portals, copied into etc/ of
 * the built assembly against a two-path tgtd bed (addresses and IQN replaced by the bed's, see {@link IscsiExamples}):
 * it gives two paths over that one adapter, in one team, which a bench drives without errors.
 */
class DriverReadmeIscsiExampleIT {
    private static final String README_TARGET = "iqn.2024-01.org.hbateam:testbed.demo";

    @RegisterExtension
    static final TestBedExtension BED = TestBedExtension.of(BedSpec.builder().name("opcr").paths(2).size("256M").build());

    @Test
    void oneAdapterLogsInThroughBothPortalsOfItsList(TestBed bed) throws Exception {
        Example adapter = file(DocExamples.read(DocExamples.document("bundles/driver-iscsi/README.md")),
                "etc/org.hbateam.iscsi.adapter-hba0.cfg");
        assertTrue(adapter.text().matches("(?s).*\\nportals = [^\\n]+, [^\\n]+\\n.*"), "the README shows several portals: " + adapter.text());
        try (KarafInstance karaf = KarafInstance.start("iscsi-readme-example")) {
            assertCommandWorks(karaf.execute("feature:install hbateam-driver-iscsi"));
            write(karaf, adapter, bedValues(bed, README_TARGET));
            String team = awaitTwoUpPathsInOneTeam(karaf, bed, List.of("hba0", "hba0"));
            assertCleanBench(karaf.execute("hbateam:bench --duration 3s " + team), team);
        }
    }
}
