package io.mproc.pool;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.memory.RegionInfo;
import io.mproc.shared.SharedLong;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workers' lives: replaced after maxTasksPerChild, initialized once, and a failing initializer. */
class WorkerLifecycleTest extends PoolTestBase {
    @RegisterExtension
    static final WarmWorkers WARM = WarmWorkers.of(16);

    /** Set by the initializer in a worker JVM; read by its tasks. */
    static volatile int initializations;
    static volatile String initializedWith;

    static long pid() {
        return ProcessHandle.current().pid();
    }

    @Test
    void maxTasksPerChildReplacesAWorkerAfterThatManyTasks() throws Exception {
        try (ProcessPool pool = WARM.pool(2).maxTasksPerChild(2).namespace(namespace).start()) {
            List<Long> pids = pool.map(x -> pid(), IntStream.range(0, 12).boxed().toList(), 1);
            Set<Long> distinct = new HashSet<>(pids);
            assertTrue(distinct.size() >= 6, "12 tasks at 2 per worker need 6 workers, saw " + distinct);
            for (Long pid : distinct) {
                assertTrue(pids.stream().filter(pid::equals).count() <= 2, "worker " + pid + " ran at most 2 tasks");
            }
            assertEquals(List.of(0, 2, 4), pool.map(x -> 2 * x, List.of(0, 1, 2)), "the pool goes on");
        }
    }

    @Test
    void theInitializerRunsOnceInEachWorkerBeforeItsTasks() throws Exception {
        try (ProcessPool pool = WARM.pool(2).namespace(namespace)
            .initializer((String value) -> {
                initializations++;
                initializedWith = value;
            }, "configured").start()) {
            List<String> seen = pool.map(x -> pid() + ":" + initializations + ":" + initializedWith,
                IntStream.range(0, 40).boxed().toList(), 1);
            Set<String> distinct = new HashSet<>(seen);
            assertTrue(distinct.size() <= 2, "one initialization per worker: " + distinct);
            assertTrue(distinct.stream().allMatch(s -> s.endsWith(":1:configured")), distinct.toString());
        }
        assertEquals(0, initializations, "never run in the pool's own JVM");
    }

    @Test
    void anInitializerThatThrowsFailsThePoolFastAndLeavesNothingBehind() {
        long started = System.nanoTime();
        WorkerStartException failed = assertThrows(WorkerStartException.class, () -> WARM.pool(2).namespace(namespace)
            .name("failing-init").initializer(() -> {
                throw new IllegalStateException("no configuration");
            }).start());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60), "fails fast");
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertEquals("no configuration", cause.getMessage());
        assertTrue(failed.getMessage().contains("failing-init-worker-"), failed.getMessage());
        List<String> left = namespace.list().stream().map(RegionInfo::name).toList();
        assertEquals(List.of(), left, "the pool's regions are gone");
    }

    @Test
    void aReplacementWhoseInitializerThrowsBreaksThePool() throws Exception {
        SharedLong starts = SharedLong.create(namespace, "starts", 0);
        ProcessPool pool = WARM.pool(1).namespace(namespace).maxTasksPerChild(1)
            .initializer((SharedLong count) -> {
                if (count.incrementAndGet() > 1) {
                    throw new IllegalStateException("second start refused");
                }
            }, starts).start();
        CompletableFuture<Integer> first = pool.applyAsync((Integer x) -> x, 1);
        CompletableFuture<Integer> second = pool.applyAsync((Integer x) -> x, 2);
        assertEquals(1, first.get(30, TimeUnit.SECONDS));
        ExecutionException pending = assertThrows(ExecutionException.class, () -> second.get(30, TimeUnit.SECONDS));
        WorkerStartException broken = assertInstanceOf(WorkerStartException.class, pending.getCause());
        assertEquals("second start refused", broken.getCause().getMessage());
        assertTrue(pool.awaitTermination(Duration.ofSeconds(30)));
        RejectedExecutionException rejected = assertThrows(RejectedExecutionException.class,
            () -> pool.applyAsync((Integer x) -> x, 3));
        assertSame(broken, rejected.getCause());
        assertEquals(2, starts.get(), "no endless respawning");
    }

    @Test
    void workersWhoseJvmCannotStartBreakThePoolAfterAFewTries() {
        WorkerStartException failed = assertThrows(WorkerStartException.class, () -> ProcessPool.builder().workers(1)
            .namespace(namespace).launchSettings(quiet().withJvmOptions("-XX:+NoSuchOptionAnywhere")).start());
        assertTrue(failed.getMessage().contains("exited with 1 before it was ready"), failed.getMessage());
        assertTrue(failed.getMessage().contains("-worker-" + (Scheduler.MAX_FAILED_STARTS + 1) + " "),
            "tried " + (Scheduler.MAX_FAILED_STARTS + 1) + " times: " + failed.getMessage());
        assertEquals(List.of(), namespace.list());
    }

    @Test
    void invalidSettingsAreRefusedWithTheirName() {
        assertRefused("workers=0", () -> ProcessPool.builder().workers(0));
        assertRefused("workers=0", () -> ProcessPool.create(0));
        assertRefused("workers=121", () -> ProcessPool.builder().workers(121));
        assertRefused("maxTasksPerChild=0", () -> ProcessPool.builder().maxTasksPerChild(0));
        assertRefused("retries=-1", () -> ProcessPool.builder().retries(-1));
        assertRefused("maxMessageBytes=100", () -> ProcessPool.builder().maxMessageBytes(100));
        assertRefused("spinWait=PT-0.001S", () -> ProcessPool.builder().spinWait(Duration.ofMillis(-1)));
        assertRefused("name=\"a/b\"", () -> ProcessPool.builder().name("a/b"));
        assertRefused("initializer argument=java.lang.Object",
            () -> ProcessPool.builder().initializer((Object o) -> { }, new Object()));
        assertRefused("launchSettings=", () -> ProcessPool.builder().jvmOptions("-Xmx64m").standby(WARM.jvms()).start());
    }

    private static void assertRefused(String start, Runnable call) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
    }
}
