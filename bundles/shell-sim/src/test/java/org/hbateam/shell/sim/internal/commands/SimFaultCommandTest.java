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
    void anAdapterNameGoesToTheAdapterMethodsAndAPathIdToThePathMethods() {
        run("cut", "hba0", 10);
        run("SLOW", "sim:hba1:t:0", 3);
        run("blackhole", "hba1", 10);
        run("restore", "sim:hba1:t:0", 10);
        assertEquals(List.of("cutAdapter hba0", "slowPath sim:hba1:t:0 3.0", "blackHoleAdapter hba1", "restorePath sim:hba1:t:0"),
                faults.calls, "each kind reaches the matching SimulatedFaults method, case-insensitively");
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

        @Override public void cutAdapter(String adapter) { calls.add("cutAdapter " + adapter); }
        @Override public void cutPath(String pathId) { calls.add("cutPath " + pathId); }
        @Override public void blackHoleAdapter(String adapter) { calls.add("blackHoleAdapter " + adapter); }
        @Override public void blackHolePath(String pathId) { calls.add("blackHolePath " + pathId); }
        @Override public void slowAdapter(String adapter, double factor) { calls.add("slowAdapter " + adapter + " " + factor); }
        @Override public void slowPath(String pathId, double factor) { calls.add("slowPath " + pathId + " " + factor); }
        @Override public void restoreAdapter(String adapter) { calls.add("restoreAdapter " + adapter); }
        @Override public void restorePath(String pathId) { calls.add("restorePath " + pathId); }
        @Override public List<Fault> faults() { return List.of(); }
        @Override public List<String> adapters() { return List.of("hba0", "hba1"); }
        @Override public List<String> paths() { return List.of("sim:hba0:t:0", "sim:hba1:t:0"); }
    }
}
