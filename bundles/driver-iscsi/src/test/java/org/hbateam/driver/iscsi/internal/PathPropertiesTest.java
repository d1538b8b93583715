package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.hbateam.api.path.DataPath;
import org.junit.jupiter.api.Test;

/** The identity a path publishes has no blanks; the designator with its blanks is published beside it. */
class PathPropertiesTest {
    @Test
    void aDesignatorWithBlanksIsPublishedBesideTheIdentity() {
        IscsiPath path = new IscsiPath("p", "hba0", "iqn.2026-01.org.example:t", 1, "t10.FreeBSD_iSCSI_DISK_10000001",
                "t10.FreeBSD iSCSI DISK      10000001", "s");
        Map<String, Object> properties = path.properties();
        assertEquals("t10.FreeBSD_iSCSI_DISK_10000001", properties.get(DataPath.LU_IDENTITY), "the team's name");
        assertEquals("t10.FreeBSD iSCSI DISK      10000001", properties.get(DataPath.LU_DESIGNATOR), "as reported");
    }

    @Test
    void anIdentityWithoutBlanksPublishesNoDesignator() {
        IscsiPath path = new IscsiPath("p", "hba0", "iqn.2026-01.org.example:t", 1, "naa.600144f0", "s");
        assertFalse(path.properties().containsKey(DataPath.LU_DESIGNATOR), "nothing to add when they are the same");
    }
}
