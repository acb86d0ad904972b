package io.mproc.wait;

import static io.mproc.wait.WaitPointChild.BODY_SIZE;
import static io.mproc.wait.WaitPointChild.COUNTER_A;
import static io.mproc.wait.WaitPointChild.COUNTER_B;
import static io.mproc.wait.WaitPointChild.KIND;
import static io.mproc.wait.WaitPointChild.POINT_A;
import static io.mproc.wait.WaitPointChild.POINT_B;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import io.mproc.testing.ChildJvm;
import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wait points shared by real processes: wake-ups across the boundary, the lost-wake-up race, crashes, idle cost. */
// "try": ChildJvm.close() may throw InterruptedException (it waits for a killed child to be
// reaped); a test interrupted there fails, which is what we want.
@SuppressWarnings("try")
class WaitPointCrossProcessTest extends CrossProcessTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final int MAX_ROUNDS = 200_000;
    private static final long ROUND_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** A sleep slice no test outlasts: a sleeper released under it was released by a futex wake. */
    private static final long NO_SLICE_MILLIS = TimeUnit.HOURS.toMillis(1);

    private Region region;
    private MemorySegment body;

    @BeforeEach
    void createRegion() {
        assumeTrue(Futex.isAvailable(), () -> "futex unavailable: " + Futex.unavailableReason().orElse("?"));
        region = namespace.create("wait", KIND, BODY_SIZE, null);
        body = region.body();
    }

    private ChildJvm startSleeper(long sliceMillis) {
        return ChildJvm.start(WaitPointChild.class, "sleep", namespace.name(), region.name(), Long.toString(sliceMillis));
    }

    private void setFlagAndSignal() {
        // Release: the flag is published before signalAll fences and looks for sleepers.
        OrderedAccess.setIntRelease(body, COUNTER_A, 1);
        new WaitPoint(body, POINT_A).signalAll();
    }

    private void awaitWaitersAbove(WaitPoint point, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (point.waiters() <= count) {
            assertTrue(System.nanoTime() < deadline, "no process went to sleep on " + point);
            Thread.sleep(5);
        }
    }

    @Test
    void signalAllWakesASleeperInAnotherProcess() throws Exception {
        try (ChildJvm child = startSleeper(0)) {
            child.awaitLine("READY", START);
            awaitWaitersAbove(new WaitPoint(body, POINT_A), 0);
            setFlagAndSignal();
            child.awaitLine("WOKE", START);
            child.awaitSuccess(START);
        }
    }

    @ParameterizedTest(name = "spinThenBlock({0}, {1})")
    @CsvSource({"0, 0", "256, 4"})
    void pingPongBetweenProcessesNeverLosesAWakeUp(int spins, int yields) throws Exception {
        WaitStrategy strategy = WaitPointChild.strategy(spins, yields, NO_SLICE_MILLIS);
        WaitPoint request = new WaitPoint(body, POINT_A);
        WaitPoint reply = new WaitPoint(body, POINT_B);
        try (ChildJvm child = ChildJvm.start(WaitPointChild.class, "pong", namespace.name(), region.name(),
            Integer.toString(spins), Integer.toString(yields), Long.toString(NO_SLICE_MILLIS))) {
            child.awaitLine("READY", START);
            long start = System.nanoTime();
            int rounds = 0;
            while (rounds < MAX_ROUNDS && System.nanoTime() - start < ROUND_BUDGET_NANOS) {
                int value = ++rounds;
                // Release: the request is published before signalAll looks for the sleeping child.
                OrderedAccess.setIntRelease(body, COUNTER_A, value);
                request.signalAll();
                // Acquire: pairs with the child's release store of its answer.
                boolean answered = strategy.await(reply, () -> OrderedAccess.getIntAcquire(body, COUNTER_B) == value,
                    WaitStrategy.deadlineAfter(WaitPointChild.STALL));
                assertTrue(answered, "no answer to round " + value + " within " + WaitPointChild.STALL
                    + ": a lost wake-up");
            }
            long elapsed = System.nanoTime() - start;
            // Release: the stop value, like every request.
            OrderedAccess.setIntRelease(body, COUNTER_A, -1);
            request.signalAll();
            child.awaitLine("DONE " + rounds, START);
            child.awaitSuccess(START);
            // Each sequence advance is one signal that found a registered sleeper (a futex wake).
            int childSlept = OrderedAccess.getIntAcquire(body, POINT_A + WaitPointLayout.SEQUENCE_OFFSET);
            int parentSlept = OrderedAccess.getIntAcquire(body, POINT_B + WaitPointLayout.SEQUENCE_OFFSET);
            System.out.printf("spinThenBlock(%d, %d): %d round trips in %d ms, %.1f us each;"
                    + " futex path: child %d, parent %d of %d waits%n", spins, yields, rounds,
                elapsed / 1_000_000, elapsed / 1000.0 / rounds, childSlept, parentSlept, rounds);
            assertTrue(rounds > 1000, "only " + rounds + " round trips in " + elapsed / 1_000_000 + " ms");
            if (spins == 0 && yields == 0) {
                assertTrue(childSlept + parentSlept > 0, "spinThenBlock(0, 0) never went through the futex");
            }
        }
    }

    @Test
    void killedSleeperDoesNotStopLaterSignalsOrWaiters() throws Exception {
        WaitPoint point = new WaitPoint(body, POINT_A);
        try (ChildJvm victim = startSleeper(NO_SLICE_MILLIS)) {
            victim.awaitLine("READY", START);
            awaitWaitersAbove(point, 0);
            victim.kill();
        }
        int leftOver = point.waiters();
        point.signalAll(); // wakes no-one, and must not fail
        try (ChildJvm survivor = startSleeper(NO_SLICE_MILLIS)) {
            survivor.awaitLine("READY", START);
            awaitWaitersAbove(point, leftOver);
            setFlagAndSignal();
            survivor.awaitLine("WOKE", START);
            survivor.awaitSuccess(START);
        }
    }

    @Test
    void blockedSleeperUsesAlmostNoCpu() throws Exception {
        WaitPoint point = new WaitPoint(body, POINT_A);
        try (ChildJvm child = startSleeper(0)) {
            child.awaitLine("READY", START);
            awaitWaitersAbove(point, 0);
            Thread.sleep(300); // let its JIT compiler and start-up threads go quiet
            Optional<Duration> before = ProcessHandle.of(child.pid()).flatMap(p -> p.info().totalCpuDuration());
            Thread.sleep(1000);
            Optional<Duration> after = ProcessHandle.of(child.pid()).flatMap(p -> p.info().totalCpuDuration());
            setFlagAndSignal();
            child.awaitSuccess(START);
            assumeTrue(before.isPresent() && after.isPresent(), "CPU time of the child is not reported here");
            Duration used = after.get().minus(before.get());
            System.out.println("CPU used by a sleeper over 1 s: " + used.toMillis() + " ms");
            assertTrue(used.compareTo(Duration.ofMillis(100)) < 0, "a blocked sleeper used " + used + " of CPU in 1 s");
        }
    }
}
