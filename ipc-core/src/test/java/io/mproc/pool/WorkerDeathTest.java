package io.mproc.pool;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.memory.RegionInfo;
import io.mproc.shared.SharedLong;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A worker that dies under a task (SIGKILL, {@code System.exit}) fails that task alone, with a
 * clear exception; a new worker takes its place and every other task completes.
 */
class WorkerDeathTest extends PoolTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final WarmWorkers WARM = WarmWorkers.of(16);

    /** Records its worker's pid, then runs until killed. */
    static String recordPidAndHang(SharedLong pid) throws InterruptedException {
        pid.set(ProcessHandle.current().pid());
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        return "never";
    }

    static int exitWith(int status) {
        System.exit(status);
        return -1;
    }

    @Test
    void aWorkerKilledMidTaskFailsThatTaskWhileTheThousandOthersComplete() throws Exception {
        SharedLong victimPid = SharedLong.create(namespace, "victim", 0);
        try (ProcessPool pool = WARM.pool(2).namespace(namespace).name("dying").start()) {
            CompletableFuture<String> victim = pool.applyAsync(WorkerDeathTest::recordPidAndHang, victimPid);
            List<CompletableFuture<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                others.add(pool.applyAsync((Integer x) -> {
                    Thread.sleep(0, 200_000);
                    return 2 * x;
                }, i));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (victimPid.get() == 0) {
                assertTrue(System.nanoTime() < deadline, "the victim task started");
                Thread.sleep(1);
            }
            long pid = victimPid.get();
            assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());

            ExecutionException failed = assertThrows(ExecutionException.class,
                () -> victim.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, failed.getCause());
            assertEquals(-9, died.exitCode());
            assertEquals(pid, died.pid());
            assertTrue(died.workerName().startsWith("dying-worker-"), died.workerName());
            assertTrue(died.getMessage().contains("exited with -9 (SIGKILL) while running apply #"), died.getMessage());
            assertTrue(died.getMessage().contains(died.workerName() + " (pid " + pid + ")"), died.getMessage());
            for (int i = 0; i < others.size(); i++) {
                assertEquals(2 * i, others.get(i).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "task " + i);
            }
            assertEquals(7, (int) pool.apply((Integer x) -> x + 1, 6), "the pool goes on");
            List<Long> workers = pool.workerPids();
            assertEquals(2, workers.size(), "a replacement took the dead worker's place: " + workers);
            assertFalse(workers.contains(pid));
        }
        assertEquals(List.of("victim"), namespace.list().stream().map(RegionInfo::name).toList(),
            "the pool removed its regions (the test's own value is left)");
    }

    @Test
    void aTaskThatExitsTheWorkerFailsWithTheExitCode() throws Exception {
        try (ProcessPool pool = WARM.pool(1).namespace(namespace).start()) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                () -> pool.apply(WorkerDeathTest::exitWith, 3));
            WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, failed.getCause());
            assertEquals(3, died.exitCode());
            assertTrue(died.getMessage().contains("exited with 3 while running"), died.getMessage());
            assertEquals(4, (int) pool.apply((Integer x) -> x + 1, 3));
        }
    }

    @Test
    void whenAWorkerDiesInAChunkOnlyTheRunningTaskFails() throws Exception {
        try (ProcessPool pool = WARM.pool(2).namespace(namespace).start()) {
            List<Object> seen = new ArrayList<>();
            try (ResultIterator<Integer> results = pool.imap(x -> x == 17 ? exitWith(5) : x,
                IntStream.range(0, 60).boxed().toList(), 20)) {
                while (results.hasNext()) {
                    try {
                        seen.add(results.next(TIMEOUT));
                    } catch (ExecutionException failed) {
                        WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, failed.getCause());
                        assertTrue(died.getMessage().contains("task 17 of imap #"), died.getMessage());
                        seen.add("died");
                    }
                }
            }
            List<Object> expected = new ArrayList<>(IntStream.range(0, 60).boxed().toList());
            expected.set(17, "died");
            assertEquals(expected, seen, "tasks before 17 in its chunk ran again elsewhere, those after it too");
            ExecutionException map = assertThrows(ExecutionException.class,
                () -> pool.map(x -> x == 3 ? exitWith(6) : x, IntStream.range(0, 10).boxed().toList()));
            assertEquals(6, assertInstanceOf(WorkerDiedException.class, map.getCause()).exitCode());
        }
    }

    @Test
    void withRetriesATaskWhoseWorkerDiedRunsAgain() throws Exception {
        SharedLong attempts = SharedLong.create(namespace, "attempts", 0);
        try (ProcessPool pool = WARM.pool(2).namespace(namespace).retries(1).start()) {
            int value = pool.apply((SharedLong count) -> count.incrementAndGet() == 1 ? exitWith(9) : 42, attempts);
            assertEquals(42, value);
            assertEquals(2, attempts.get());
            ExecutionException twice = assertThrows(ExecutionException.class,
                () -> pool.apply(WorkerDeathTest::exitWith, 8));
            assertInstanceOf(WorkerDiedException.class, twice.getCause());
        }
    }

    @Test
    void terminateWhileTasksRunLeavesNoProcessesAndNoRegions() throws Exception {
        ProcessPool pool = WARM.pool(2).namespace(namespace).start();
        List<Long> pids = pool.workerPids();
        List<CompletableFuture<Integer>> running = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            running.add(pool.applyAsync((Integer x) -> {
                Thread.sleep(10_000);
                return x;
            }, i));
        }
        pool.terminate();
        assertTrue(running.stream().allMatch(CompletableFuture::isCancelled));
        assertThrows(CancellationException.class, () -> running.getFirst().join());
        assertTrue(pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        assertEquals(List.of(), namespace.list());
    }
}
