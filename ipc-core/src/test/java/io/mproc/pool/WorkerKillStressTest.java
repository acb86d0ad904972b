package io.mproc.pool;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workers SIGKILLed at random moments while 1,500 tasks are queued and another thread iterates
 * maps: every task either returns its own right result or fails with a
 * {@link WorkerDiedException}, no more tasks fail than workers were killed (a kill fails at most
 * the task its victim was running), nothing hangs, and the pool ends with nothing left behind.
 */
class WorkerKillStressTest extends PoolTestBase {
    private static final int KILLS = 8;
    private static final int TASKS = 1500;

    @RegisterExtension
    static final WarmWorkers WARM = WarmWorkers.of(2 + KILLS);

    @Test
    void everyTaskGetsItsOwnResultOrFailsBecauseItsWorkerWasKilled() throws Exception {
        try (ProcessPool pool = WARM.pool(2).namespace(namespace).name("stress").start()) {
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
            AtomicInteger failed = new AtomicInteger();
            List<CompletableFuture<Long>> tasks = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                tasks.add(pool.applyAsync((Long x) -> {
                    Thread.sleep(2);
                    return x * 3;
                }, (long) i));
            }
            Thread mapper = Thread.ofPlatform().name("mapper").start(() -> {
                try {
                    iterateMaps(pool, stop, failed, problems);
                } catch (Throwable unexpected) {
                    problems.add(unexpected);
                }
            });
            int kills = killServingWorkers(pool, tasks);
            int succeeded = 0;
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    long got = tasks.get(i).get(90, TimeUnit.SECONDS);
                    if (got != 3L * i) {
                        problems.add(new AssertionError("task " + i + ": " + got + " != " + 3L * i));
                    }
                    succeeded++;
                } catch (ExecutionException died) {
                    record(died.getCause(), failed, problems);
                }
            }
            stop.set(true);
            mapper.join(TimeUnit.SECONDS.toMillis(90));
            assertFalse(mapper.isAlive(), "the maps ended");
            System.out.printf("%d kills, %d tasks failed, %d of %d tasks succeeded%n", kills, failed.get(), succeeded,
                TASKS);
            assertTrue(problems.isEmpty(), problems.size() + " problems, the first: "
                + problems.stream().limit(3).map(Throwable::toString).toList());
            assertTrue(failed.get() <= kills, failed + " tasks failed for " + kills + " kills");
            assertTrue(succeeded >= TASKS - kills);
            assertEquals(List.of(1, 4, 9), pool.map(x -> x * x, List.of(1, 2, 3)), "the pool still serves");
        }
        assertEquals(List.of(), namespace.list());
    }

    /** SIGKILLs workers that have served a while (not new ones warming up) while tasks remain. */
    private static int killServingWorkers(ProcessPool pool, List<CompletableFuture<Long>> tasks)
        throws InterruptedException {
        int kills = 0;
        Map<Long, Long> firstSeen = new HashMap<>();
        Set<Long> killed = new HashSet<>();
        while (kills < KILLS && !tasks.getLast().isDone()) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(10, 40));
            long now = System.nanoTime();
            List<Long> serving = new ArrayList<>();
            for (long pid : pool.workerPids()) {
                if (!killed.contains(pid)
                    && now - firstSeen.computeIfAbsent(pid, ignored -> now) > TimeUnit.MILLISECONDS.toNanos(50)) {
                    serving.add(pid);
                }
            }
            if (!serving.isEmpty()) {
                long victim = serving.get(ThreadLocalRandom.current().nextInt(serving.size()));
                if (ProcessHandle.of(victim).map(ProcessHandle::destroyForcibly).orElse(false)) {
                    killed.add(victim);
                    kills++;
                }
            }
        }
        return kills;
    }

    private static void iterateMaps(ProcessPool pool, AtomicBoolean stop, AtomicInteger failed,
                                    ConcurrentLinkedQueue<Throwable> problems) {
        List<Integer> inputs = IntStream.range(0, 500).boxed().toList();
        while (!stop.get()) {
            try (ResultIterator<Integer> results = pool.imap(x -> x + 1, inputs, 37)) {
                for (int expected = 1; results.hasNext(); expected++) {
                    try {
                        int got = results.next();
                        if (got != expected) {
                            problems.add(new AssertionError("imap gave " + got + " for " + (expected - 1)));
                        }
                    } catch (CompletionException died) {
                        record(died.getCause(), failed, problems);
                    }
                }
            }
        }
    }

    private static void record(Throwable failure, AtomicInteger failed, ConcurrentLinkedQueue<Throwable> problems) {
        if (failure instanceof WorkerDiedException died && died.exitCode() == -9) {
            failed.incrementAndGet();
        } else {
            problems.add(failure);
        }
    }
}
