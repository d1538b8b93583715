package org.hbateam.shell.sim.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hbateam.driver.sim.Fault;
import org.hbateam.driver.sim.SimulatedFaults;
import org.junit.jupiter.api.Test;

class SimFaultCommandTest {
    private final RecordingFaults faults = new RecordingFaults();

    @Test
    void anAdapterNameGoesToTheAdapterScopeAndAPathIdToThePathScope() {
        List<String> printed = List.of(run("cut", "hba0", 10), run("SLOW", "sim:hba1:t:0", 3),
                run("blackhole", "hba1", 10), run("restore", "sim:hba1:t:0", 10));
        assertEquals(List.of("inject ADAPTER hba0 CUT 1.0", "inject PATH sim:hba1:t:0 SLOW 3.0",
                "inject ADAPTER hba1 BLACK_HOLE 1.0", "restore PATH sim:hba1:t:0"),
                faults.calls, "each kind reaches SimulatedFaults as the matching fault, case-insensitively");
        assertEquals(List.of("cut hba0: done", "slow sim:hba1:t:0 x3.0: done", "blackhole hba1: done",
                "restore sim:hba1:t:0: done"), printed.stream().map(String::strip).toList(), "one line per command");
    }

    @Test
    void anUnknownKindOrTargetFailsTheCommandWithOneLineAndNoCall() {
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> run("melt", "hba0", 10),
                "a wrong kind must fail the command, so bin/client -b exits non-zero");
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class, () -> run("cut", "hba9", 10),
                "a wrong target must fail the command");
        assertEquals("unknown fault 'melt'; use cut, blackhole, slow or restore", kind.getMessage(), "the kinds are listed");
        assertEquals("no simulated adapter or path 'hba9'; adapters: hba0, hba1", target.getMessage(), "the adapters are listed");
        assertEquals(List.of(), faults.calls, "nothing was injected");
    }

    private String run(String kind, String target, double factor) {
        SimFaultCommand command = new SimFaultCommand();
        command.faults = faults;
        command.kind = kind;
        command.target = target;
        command.factor = factor;
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static final class RecordingFaults implements SimulatedFaults {
        final List<String> calls = new ArrayList<>();

        @Override public void inject(Fault f) { calls.add("inject " + f.scope() + " " + f.name() + " " + f.kind() + " " + f.factor()); }
        @Override public void restore(Fault.Scope scope, String name) { calls.add("restore " + scope + " " + name); }
        @Override public List<Fault> faults() { return List.of(); }
        @Override public List<String> adapters() { return List.of("hba0", "hba1"); }
        @Override public List<String> paths() { return List.of("sim:hba0:t:0", "sim:hba1:t:0"); }
    }
}
