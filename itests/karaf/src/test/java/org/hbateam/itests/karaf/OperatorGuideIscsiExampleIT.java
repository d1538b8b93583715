package org.hbateam.itests.karaf;

import static org.hbateam.itests.karaf.IscsiExamples.assertCleanBench;
import static org.hbateam.itests.karaf.IscsiExamples.assertCommandWorks;
import static org.hbateam.itests.karaf.IscsiExamples.awaitTwoUpPathsInOneTeam;
import static org.hbateam.itests.karaf.IscsiExamples.bedValues;
import static org.hbateam.itests.karaf.IscsiExamples.file;
import static org.hbateam.itests.karaf.IscsiExamples.teamRows;
import static org.hbateam.itests.karaf.IscsiExamples.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hbateam.itests.karaf.DocExamples.Example;
import org.hbateam.testbed.BedSpec;
import org.hbateam.testbed.Chap;
import org.hbateam.testbed.TestBed;
import org.hbateam.testbed.TestBedExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/operator-guide.md, "First day on a real iSCSI target", run as written: its Karaf commands, and its three
 * files (two adapters with CHAP, one team) copied into etc/ of the built assembly, against a two-path tgtd bed with
 * the guide's CHAP user. Replaced, because the bed has its own: the addresses and target IQN
 * ({@link IscsiExamples}), the {@code <secret>} placeholder and the example LU identity, which step 4 says to copy
 * from {@code hbateam:teams}.
 */
class OperatorGuideIscsiExampleIT {
    private static final String GUIDE_TARGET = "iqn.2024-01.org.example:store.lun1";
    private static final String GUIDE_IDENTITY = "naa.6000000000000000e00000000010001";
    private static final Chap GUIDE_CHAP = new Chap("appliance1", "OpCfg.Secret-01");

    @RegisterExtension
    static final TestBedExtension BED = TestBedExtension.of(
            BedSpec.builder().name("opcg").paths(2).size("256M").chap(GUIDE_CHAP).build());

    @Test
    void firstDayFormsTheStoreTeamAndBenchesIt(TestBed bed) throws Exception {
        List<Example> examples = section(DocExamples.read(DocExamples.document("docs/operator-guide.md")));
        List<Example> commands = examples.stream().filter(e -> !e.isFile()).toList();
        assertEquals(List.of("feature:install hbateam-driver-iscsi", "hbateam:bench --duration 10s store",
                "hbateam:bench --read-percent 70 --allow-writes store"),
                commands.stream().flatMap(e -> e.lines().stream()).toList(), "the guide's commands, in order");
        try (KarafInstance karaf = KarafInstance.start("iscsi-guide-example")) {
            Map<String, String> bedValues = bedValues(bed, GUIDE_TARGET);
            bedValues.put("<secret>", GUIDE_CHAP.secret());
            assertCommandWorks(karaf.execute(commands.get(0).text()));
            write(karaf, file(examples, "etc/org.hbateam.iscsi.adapter-hba0.cfg"), bedValues);
            write(karaf, file(examples, "etc/org.hbateam.iscsi.adapter-hba1.cfg"), bedValues);
            String identity = awaitTwoUpPathsInOneTeam(karaf, bed, List.of("hba0", "hba1"));
            write(karaf, file(examples, "etc/org.hbateam.team-store.cfg"), Map.of(GUIDE_IDENTITY, identity));
            List<String> expected = List.of("store", identity, "service-time", "2", "2", "ok");
            String teams = Eventually.poll(() -> karaf.execute("hbateam:teams --no-format"), o -> teamRows(o).contains(expected));
            assertTrue(teamRows(teams).contains(expected),
                    "the team file names the team store, with policy service-time and both paths usable: " + teams);
            assertCleanBench(karaf.execute(commands.get(1).text()), "store");
            assertCleanBench(karaf.execute(commands.get(2).text()), "store");
        }
    }

    /** The examples of the "First day on a real iSCSI target" section, which begins with the driver's install. */
    private static List<Example> section(List<Example> all) {
        int first = 0;
        while (first < all.size() && !all.get(first).text().startsWith("feature:install")) {
            first++;
        }
        return all.subList(first, all.size());
    }
}
