package io.mproc.bench.machine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuListTest {

    @Test
    void parsesTheKernelListSyntax() {
        assertEquals(List.of(0, 1), CpuList.parse("0-1"));
        assertEquals(List.of(0, 2, 3, 4, 7), CpuList.parse(" 0,2-4,7\n"));
        assertEquals(List.of(5), CpuList.parse("5"));
    }

    @Test
    void thisProcessHasAtLeastOneCpu() {
        assertFalse(CpuList.allowed().isEmpty());
    }

    @Test
    void noPinMeansNoPrefixAndSaysWhy() {
        PinningPlan off = PinningPlan.decide(false);
        assertFalse(off.enabled());
        assertTrue(off.peerPrefix().isEmpty());
        assertTrue(off.describe().contains("--no-pin"), off.describe());
    }

    @Test
    void aPlanWithTasksetPinsThePeerToItsOwnCpu() {
        PinningPlan plan = new PinningPlan(true, 0, 1, "/usr/bin/taskset", "");
        assertEquals(List.of("/usr/bin/taskset", "-c", "1"), plan.peerPrefix());
        assertTrue(plan.describe().contains("CPU 0"), plan.describe());
    }

    @Test
    void aThreadCanBePinnedToAnAllowedCpuWhenNativeAccessIsOn() throws Exception {
        int cpu = CpuList.allowed().getFirst();
        boolean[] pinned = new boolean[1];
        Thread thread = Thread.ofPlatform().start(() -> pinned[0] = ThreadAffinity.pinCurrentThread(cpu));
        thread.join();
        // Surefire runs with --enable-native-access=ALL-UNNAMED (root pom), so this must work on Linux.
        assertTrue(pinned[0]);
        assertFalse(ThreadAffinity.pinCurrentThread(-1));
    }
}
