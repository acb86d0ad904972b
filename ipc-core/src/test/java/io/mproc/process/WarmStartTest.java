package io.mproc.process;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.memory.Region;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standby JVMs: a warm process is a child like any other, and pools refill, run dry and close. */
class WarmStartTest extends ProcessTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final LaunchSettings QUIET =
        LaunchSettings.defaults().withStdout(Redirect.DISCARD).withStderr(Redirect.DISCARD);

    @Test
    void aWarmProcessIsAChildOfItsOwnWithItsNameParentAndProperties() throws Exception {
        try (StandbyJvms pool = StandbyJvms.builder().size(1).replenish(false).settings(QUIET).start()) {
            awaitReady(pool, 1);
            try (JvmProcess<String> warm = JvmProcess.call(WarmStartTest::describeMyself)
                .systemProperty("warm.property", "set at hand-over").name("Warm-1").standby(pool).start()) {
                assertEquals(0, pool.ready(), "the standby JVM was handed the process");
                String[] seen = warm.result().split("\\|");
                assertEquals(warm.pid().orElseThrow(), Long.parseLong(seen[0]));
                assertNotEquals(ProcessHandle.current().pid(), Long.parseLong(seen[0]));
                assertEquals("Warm-1", seen[1]);
                assertEquals(ProcessHandle.current().pid(), Long.parseLong(seen[2]));
                assertEquals("set at hand-over", seen[3]);
                assertEquals(OptionalInt.of(0), warm.exitCode());
            }
        }
    }

    static String describeMyself() {
        return ProcessHandle.current().pid() + "|" + JvmProcess.current().name() + "|"
            + JvmProcess.parent().orElseThrow().pid() + "|" + System.getProperty("warm.property");
    }

    @Test
    void aWarmProcessIsKilledLikeAColdOne() throws Exception {
        Region flags = Targets.flags(namespace, "warm-kill");
        try (StandbyJvms pool = StandbyJvms.builder().size(1).replenish(false).settings(QUIET).start();
             JvmProcess<Void> warm = JvmProcess.run(Targets::markAndSleep, flags).standby(pool).start()) {
            Targets.await(flags, 0, TIMEOUT);
            warm.kill();
            assertTrue(warm.join(TIMEOUT));
            assertEquals(OptionalInt.of(-9), warm.exitCode());
        }
    }

    @Test
    void aPoolThatRunsDryStartsColdAndAReplenishingOneRefills() throws Exception {
        try (StandbyJvms single = StandbyJvms.builder().size(1).replenish(false).settings(QUIET).start();
             StandbyJvms refilling = StandbyJvms.builder().size(1).settings(QUIET).start()) {
            try (JvmProcess<Long> first = JvmProcess.call(WarmStartTest::pid).standby(single).start();
                 JvmProcess<Long> second = JvmProcess.call(WarmStartTest::pid).standby(single).start()) {
                assertEquals(first.pid().orElseThrow(), first.result());
                assertEquals(second.pid().orElseThrow(), second.result(), "started cold once the pool was empty");
            }
            try (JvmProcess<Long> warm = JvmProcess.call(WarmStartTest::pid).standby(refilling).start()) {
                assertEquals(warm.pid().orElseThrow(), warm.result());
            }
            awaitReady(refilling, 1);
        }
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    @Test
    void aSpecLargerThanTheStandbysSpecRegionTravelsInARegionOfItsOwn() throws Exception {
        byte[] large = new byte[300 * 1024];
        large[large.length - 1] = 42;
        try (StandbyJvms pool = StandbyJvms.builder().size(1).replenish(false).settings(QUIET).start();
             JvmProcess<Integer> warm = JvmProcess.call((byte[] bytes) -> bytes.length + bytes[bytes.length - 1], large)
                 .standby(pool).start()) {
            assertEquals(large.length + 42, warm.result());
            assertEquals(0, pool.ready());
        }
    }

    @Test
    void aStandbyLaunchedAfterAHandOverHasTheClassesOfThatTargetLoaded(@TempDir Path logs) throws Exception {
        LaunchSettings logging = QUIET.withJvmOptions("-Xlog:class+load=info:file=" + logs.resolve("standby-%p.log"));
        try (StandbyJvms pool = StandbyJvms.builder().size(1).settings(logging).start()) {
            try (JvmProcess<String> first = JvmProcess.call(PreloadedTarget.target()).standby(pool).start()) {
                assertEquals("preloaded", first.result());
            }
            awaitReady(pool, 1);
            long replacement;
            try (JvmProcess<Object> second = JvmProcess.method(Targets.class, "add", 1, 2).standby(pool).start()) {
                assertEquals(3, second.result());
                replacement = second.pid().orElseThrow();
            }
            String loaded = Files.readString(logs.resolve("standby-" + replacement + ".log"));
            assertTrue(loaded.contains(PreloadedTarget.class.getName() + " source:"),
                "the replacement did not preload " + PreloadedTarget.class.getName());
        }
    }

    @Test
    void aWarmStartTakesThePoolsSettingsAndRefusesOthers() {
        try (StandbyJvms pool = StandbyJvms.builder().size(1).replenish(false).settings(QUIET).start()) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> JvmProcess.run(() -> { }).jvmOptions("-Xmx64m").standby(pool).build());
            assertTrue(refused.getMessage().contains("a warm start takes the standby pool's launch settings"),
                refused.getMessage());
        }
    }

    @Test
    void warmUsesTheSharedPool() throws Exception {
        try {
            try (JvmProcess<Long> warm = JvmProcess.call(WarmStartTest::pid).warm().stdout(Redirect.INHERIT).start()) {
                assertEquals(warm.pid().orElseThrow(), warm.result());
            }
            assertEquals(1, StandbyJvms.shared().size());
            assertTrue(StandbyJvms.shared().replenishes());
        } finally {
            StandbyJvms.shared().close();
        }
    }

    private static void awaitReady(StandbyJvms pool, int jvms) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (pool.ready() < jvms) {
            assertTrue(System.nanoTime() < deadline, pool + " has no ready JVM after " + TIMEOUT);
            Thread.sleep(5);
        }
    }
}
