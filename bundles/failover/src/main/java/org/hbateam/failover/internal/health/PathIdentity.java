package org.hbateam.failover.internal.health;

import java.util.Map;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.scsi.DeviceIdentification;

/**
 * What identifies a data path, read once from its service properties when it is bound (falling back to
 * the service's own accessors when a property is missing). The LU identity names the team, so its blanks are
 * replaced here whatever the driver sent; the designator as the driver reported it stays for operators.
 */
public record PathIdentity(String pathId, String adapterId, String target, long lun, String luIdentity, String sessionId,
                    String luDesignator) {

    public static PathIdentity of(DataPath path, Map<String, ?> properties) {
        String pathId = string(properties, DataPath.PATH_ID, path.id());
        Object lun = properties.get(DataPath.LUN);
        String session = string(properties, DataPath.SESSION_ID, path.sessionId());
        String reported = string(properties, DataPath.LU_IDENTITY, path.luIdentity());
        String identity = reported == null ? null : DeviceIdentification.replaceWhitespace(reported);
        return new PathIdentity(pathId,
                string(properties, DataPath.ADAPTER_ID, path.adapterId()),
                string(properties, DataPath.TARGET, path.target()),
                lun instanceof Number ? ((Number) lun).longValue() : path.lun(),
                identity,
                session == null ? pathId : session,
                string(properties, DataPath.LU_DESIGNATOR, reported));
    }

    private static String string(Map<String, ?> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value instanceof String && !((String) value).isEmpty() ? (String) value : fallback;
    }

    /** True when the path names its LU, its own id and its adapter: a team can hold it. */
    public boolean isComplete() {
        return !isBlank(luIdentity) && !isBlank(pathId) && !isBlank(adapterId);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** True when {@code idOrAdapter} names this path or its adapter, as share and primary settings do. */
    public boolean matches(String idOrAdapter) {
        return pathId.equals(idOrAdapter) || adapterId.equals(idOrAdapter);
    }
}
