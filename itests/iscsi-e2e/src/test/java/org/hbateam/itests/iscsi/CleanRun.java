package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.test.workload.BlockModel;
import org.junit.jupiter.api.function.Executable;

/**
 * The verdict on a run of generation-stamped I/O, each part asserted apart so that one report shows them all:
 * application errors; stale and corrupt blocks read while the load ran; and every block read back at the end
 * through each witness (the team, one path alone, the LUN file), after the load stopped.
 */
final class CleanRun {
    private final BlockModel model;
    private final Map<String, BlockModel.Reader> witnesses = new LinkedHashMap<>();

    CleanRun(BlockModel model) {
        this.model = model;
    }

    /** The team, the path that was not disturbed, and the bytes on disk. */
    static CleanRun of(BlockModel model, E2eTeam team, IscsiPath other, org.hbateam.testbed.TestBed bed) {
        return new CleanRun(model).witness("the team", Readers.team(team.team))
                .witness(other.id() + " alone", Readers.direct(other))
                .witness("the LUN file", Readers.lunFile(bed, 1));
    }

    CleanRun witness(String name, BlockModel.Reader reader) {
        witnesses.put(name, reader);
        return this;
    }

    /** Reads everything back, then asserts: no error, nothing stale or corrupt during the run or at the end. */
    void assertClean(long applicationErrors, Supplier<String> summary) {
        assertAll("the application's view of the run, and every block at the end", checks(applicationErrors, summary).stream());
    }

    /** Reads everything back now; returns the checks, to be asserted with others of the test. */
    List<Executable> checks(long applicationErrors, Supplier<String> summary) {
        long staleDuringRun = model.staleBlocks();
        long corruptDuringRun = model.corruptBlocks();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(0, applicationErrors, "no application error: " + summary.get()));
        checks.add(() -> assertEquals(0, staleDuringRun, "no read during the run returned a block older than its"
                + " acknowledged generation (a lost or ghost-overwritten write): " + summary.get()));
        checks.add(() -> assertEquals(0, corruptDuringRun, "no read during the run returned a block that is no"
                + " generation written to it: " + summary.get()));
        witnesses.forEach((name, reader) -> checks.add(finalRead(name, reader)));
        return checks;
    }

    private Executable finalRead(String name, BlockModel.Reader reader) {
        long staleBefore = model.staleBlocks();
        long corruptBefore = model.corruptBlocks();
        long wrong;
        try {
            wrong = model.verify(reader, name + " at the end");
        } catch (Exception e) {
            return () -> fail("reading every block back through " + name + " failed: " + e, e);
        }
        long stale = model.staleBlocks() - staleBefore;
        long corrupt = model.corruptBlocks() - corruptBefore;
        return () -> assertEquals(0, wrong, "at the end, through " + name + ": " + stale + " stale and " + corrupt
                + " corrupt blocks; first seen " + model.firstProblems(3));
    }
}
