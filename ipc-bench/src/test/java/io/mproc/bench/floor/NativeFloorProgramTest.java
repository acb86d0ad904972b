package io.mproc.bench.floor;

import io.mproc.bench.Counts;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.machine.CpuList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeFloorProgramTest {

    private static final Counts FEW = new Counts(1_000, 1, 5_000);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @Test
    void measuresTheTightSpinOfTheReferenceFloorAndThePauseSpinBesideIt() throws Exception {
        NativeFloorProgram program = buildOrSkip();
        // Two spinners on one CPU would take a scheduler slice per hop: pin them apart.
        List<Integer> cpus = CpuList.allowed();
        assumeTrue(cpus.size() >= 2, "two CPUs needed, allowed: " + cpus);
        for (String test : new String[] {"spin", "spin-pause"}) {
            RepeatedLatency floor = program.run(test, cpus.get(0), cpus.get(1), FEW, TIMEOUT);
            assertTrue(floor.median() > 0 && floor.median() < 10_000_000, test + ": " + floor.median() + " ns");
        }
    }

    @Test
    void anUnknownTestIsRefusedWithItsUsage() throws Exception {
        NativeFloorProgram program = buildOrSkip();
        IOException refused = assertThrows(IOException.class, () -> program.run("spin-fast", -1, -1, FEW, TIMEOUT));
        assertTrue(refused.getMessage().contains("usage: floor spin|spin-pause|futex|futex-asleep"), refused.getMessage());
    }

    private NativeFloorProgram buildOrSkip() throws Exception {
        try {
            return NativeFloorProgram.build(dir);
        } catch (NativeFloorProgram.UnavailableException noCompiler) {
            assumeTrue(false, noCompiler.getMessage());
            throw noCompiler;
        }
    }
}
