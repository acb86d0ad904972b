package io.mproc.pool;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.process.StartupCache;
import io.mproc.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JVM that owns a pool is SIGKILLed: its workers notice and exit (the process layer's
 * lifeline), and the next pool built on the machine removes the regions the dead one left.
 */
class PoolOwnerDeathTest extends PoolTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void whenThePoolsJvmIsKilledItsWorkersExitAndItsRegionsAreRemovedLater() throws Exception {
        List<Long> workers;
        Path regions;
        try (ChildJvm owner = ChildJvm.start(PoolOwnerMain.class,
            List.of("-D" + StartupCache.PROPERTY + "=" + System.getProperty(StartupCache.PROPERTY)))) {
            assertEquals("ANSWER 42", owner.awaitLine("ANSWER", TIMEOUT));
            workers = Arrays.stream(owner.awaitLine("WORKERS", TIMEOUT).substring(8).split(" "))
                .map(Long::parseLong).toList();
            regions = Path.of(owner.awaitLine("NAMESPACE", TIMEOUT).substring(10));
            assertEquals(2, workers.size());
            assertTrue(Files.isDirectory(regions));
            owner.kill();
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (workers.stream().anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))) {
            assertTrue(System.nanoTime() < deadline, "the workers outlived their pool's JVM: " + workers);
            Thread.sleep(10);
        }
        assertTrue(Files.isDirectory(regions), "the killed JVM could not remove its regions");
        try (ProcessPool next = ProcessPool.builder().workers(1).launchSettings(quiet()).start()) {
            assertFalse(Files.exists(regions), "the next pool removed the dead pool's regions");
            assertEquals(1, (int) next.apply((Integer x) -> x, 1));
        }
    }
}
