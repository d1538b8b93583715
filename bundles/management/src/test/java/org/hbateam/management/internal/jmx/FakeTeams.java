package org.hbateam.management.internal.jmx;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;

/** A TeamService whose teams only answer name and paths(); no I/O is ever sent through them in these tests. */
final class FakeTeams implements TeamService {
    volatile Map<String, List<PathInfo>> paths = Map.of();

    static PathInfo info(String id, PathState state, long read, long written, double share) {
        return new PathInfo(id, id.split(":")[1], "iqn.t", 0, state, read, written, 10, 1, share, share);
    }

    @Override
    public List<Team> teams() {
        return paths.keySet().stream().sorted().map(n -> (Team) new NamedTeam(n)).toList();
    }

    @Override
    public Optional<Team> team(String name) {
        return paths.containsKey(name) ? Optional.of(new NamedTeam(name)) : Optional.empty();
    }

    private final class NamedTeam implements Team {
        private final String name;

        NamedTeam(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String luIdentity() {
            return "naa." + name;
        }

        @Override
        public String policy() {
            return "static";
        }

        @Override
        public List<PathInfo> paths() {
            return paths.getOrDefault(name, List.of());
        }

        @Override
        public CompletionStage<ScsiResult> submit(ScsiCommand command) {
            throw new UnsupportedOperationException("no I/O in management tests");
        }

        @Override
        public ScsiResult execute(ScsiCommand command) {
            throw new UnsupportedOperationException("no I/O in management tests");
        }

        @Override
        public int blockSize() {
            return 512;
        }

        @Override
        public long capacityBytes() {
            return 0;
        }

        @Override
        public void read(long offset, ByteBuffer dst) {
            throw new UnsupportedOperationException("no I/O in management tests");
        }

        @Override
        public void write(long offset, ByteBuffer src) {
            throw new UnsupportedOperationException("no I/O in management tests");
        }
    }
}
