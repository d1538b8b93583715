package org.hbateam.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Looks at the host from outside the bed script, to check what it created and removed. */
final class HostState {

    private HostState() {
    }

    static boolean netnsExists(String netns) {
        return Files.exists(Path.of("/run/netns", netns));
    }

    static boolean linkExists(String hostInterface) {
        return Files.exists(Path.of("/sys/class/net", hostInterface));
    }

    /** True while {@code pid} runs; a zombie waiting for init to reap it counts as gone. */
    static boolean processRuns(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    /** nftables tables of the host's own namespace, as {@code nft list tables} prints them. */
    static String hostNftTables() {
        return ProcessRunner.run(List.of("nft", "list", "tables"), Map.of(), new byte[0], Duration.ofSeconds(10),
                "nft list tables").out();
    }
}
