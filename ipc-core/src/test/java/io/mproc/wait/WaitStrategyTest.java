package io.mproc.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.memory.OrderedAccess;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every strategy against threads of this process; cross-process behaviour is in {@link WaitPointCrossProcessTest}. */
@Timeout(30)
class WaitStrategyTest {
    private static final long FLAG = 64;

    private Arena arena;
    private MemorySegment memory;
    private WaitPoint point;

    static Stream<Arguments> strategies() {
        return Stream.of(
            Arguments.of("busySpin", (Supplier<WaitStrategy>) WaitStrategy::busySpin),
            Arguments.of("spinThenBlock", (Supplier<WaitStrategy>) WaitStrategy::spinThenBlock),
            Arguments.of("spinThenBlock(0,0)", (Supplier<WaitStrategy>) () -> WaitStrategy.spinThenBlock(0, 0)),
            Arguments.of("backoff", (Supplier<WaitStrategy>) WaitStrategy::backoff),
            Arguments.of("defaultStrategy", (Supplier<WaitStrategy>) WaitStrategy::defaultStrategy));
    }

    @BeforeEach
    void allocate() {
        arena = Arena.ofShared();
        memory = arena.allocate(128, 64);
        point = new WaitPoint(memory, 0);
    }

    @AfterEach
    void free() {
        arena.close();
    }

    private boolean flagIsSet() {
        // Acquire: pairs with the release store in setFlag().
        return OrderedAccess.getIntAcquire(memory, FLAG) != 0;
    }

    private void setFlag() {
        // Release: publishes the flag before signalAll looks for sleepers.
        OrderedAccess.setIntRelease(memory, FLAG, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void conditionAlreadyTrueReturnsTrueAtOnce(String name, Supplier<WaitStrategy> strategy) throws Exception {
        setFlag();
        assertTrue(strategy.get().await(point, this::flagIsSet, System.nanoTime()), "even with an expired deadline");
        assertTrue(strategy.get().await(point, this::flagIsSet, WaitStrategy.FOREVER));
        assertEquals(0, point.waiters());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void deadlinePassingReturnsFalseNoEarlierThanTheDeadline(String name, Supplier<WaitStrategy> strategy)
        throws Exception {
        long timeout = TimeUnit.MILLISECONDS.toNanos(60);
        long start = System.nanoTime();
        assertFalse(strategy.get().await(point, this::flagIsSet, start + timeout));
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= timeout, name + " gave up after " + elapsed + "ns, before the deadline");
        assertTrue(elapsed < TimeUnit.SECONDS.toNanos(10), name + " overslept: " + elapsed + "ns");
        assertEquals(0, point.waiters(), "no registration left behind");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void interruptThrowsInterruptedExceptionAndLeavesNoWaiter(String name, Supplier<WaitStrategy> strategy)
        throws Exception {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                strategy.get().await(point, this::flagIsSet, WaitStrategy.FOREVER);
                ended.set(new AssertionError("returned although nobody set the flag"));
            } catch (Throwable thrown) {
                ended.set(thrown);
            }
        });
        // Let it get past spinning into its slowest phase (a futex sleep or a long park).
        Thread.sleep(100);
        waiter.interrupt();
        assertTrue(waiter.join(Duration.ofSeconds(5)), name + " did not notice the interrupt");
        assertInstanceOf(InterruptedException.class, ended.get());
        assertEquals(0, point.waiters(), "waiter deregistered on the way out");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void signalAfterPublishingReleasesTheWaiter(String name, Supplier<WaitStrategy> strategy) throws Exception {
        AtomicReference<Object> ended = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                ended.set(strategy.get().await(point, this::flagIsSet, WaitStrategy.deadlineAfter(Duration.ofSeconds(20))));
            } catch (Throwable thrown) {
                ended.set(thrown);
            }
        });
        Thread.sleep(50);
        setFlag();
        point.signalAll();
        assertTrue(waiter.join(Duration.ofSeconds(10)));
        assertEquals(Boolean.TRUE, ended.get());
        assertEquals(0, point.waiters());
    }

    @Test
    void wakeAllReleasesEverySleeper() throws Exception {
        // An hour-long slice: only the futex wake, not a slice timeout, can release them.
        Thread[] sleepers = new Thread[3];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < sleepers.length; i++) {
            sleepers[i] = Thread.ofPlatform().start(() -> {
                try {
                    if (!point.sleepUntil(this::flagIsSet, WaitStrategy.FOREVER, TimeUnit.HOURS.toNanos(1))) {
                        failure.set(new AssertionError("gave up"));
                    }
                } catch (Throwable thrown) {
                    failure.set(thrown);
                }
            });
        }
        awaitWaiters(3);
        Thread.sleep(20);
        setFlag();
        point.signalAll();
        for (Thread sleeper : sleepers) {
            assertTrue(sleeper.join(Duration.ofSeconds(10)), "every sleeper woke");
        }
        assertEquals(null, failure.get());
        assertEquals(0, point.waiters());
    }

    @Test
    void signalOneReleasesOneSleeperAtATime() throws Exception {
        Thread first = sleepUntilFlag();
        Thread second = sleepUntilFlag();
        awaitWaiters(2);
        Thread.sleep(20);
        setFlag();
        point.signalOne();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (first.isAlive() && second.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(first.isAlive() != second.isAlive(), "exactly one woke");
        Thread.sleep(100);
        assertEquals(1, point.waiters(), "the other still sleeps: no spurious wake for it");
        point.signalOne();
        assertTrue(first.join(Duration.ofSeconds(10)) && second.join(Duration.ofSeconds(10)));
        assertEquals(0, point.waiters());
    }

    @Test
    void signalWithNoSleepersChangesNothing() {
        point.signalAll();
        point.signalOne();
        // Acquire, though this thread made every access: the sequence only moves when a sleeper was seen.
        assertEquals(0, OrderedAccess.getIntAcquire(memory, WaitPointLayout.SEQUENCE_OFFSET), "no wake needed");
        assertEquals(0, point.waiters());
    }

    @Test
    void badCountsAndPlacementsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> WaitStrategy.spinThenBlock(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> WaitStrategy.spinThenBlock(0, -1));
        assertThrows(IllegalArgumentException.class, () -> new WaitPoint(memory, 4));
        assertThrows(IllegalArgumentException.class, () -> new WaitPoint(memory, 128));
    }

    @Test
    void defaultStrategyBlocksOnTheFutexWhereAvailable() {
        assertTrue(Futex.isAvailable());
        assertInstanceOf(SpinThenBlockStrategy.class, WaitStrategy.defaultStrategy());
    }

    @Test
    void deadlineAfterSaturatesToForever() {
        assertEquals(WaitStrategy.FOREVER, WaitStrategy.deadlineAfter(Duration.ofDays(365L * 1000)));
        assertTrue(WaitStrategy.deadlineAfter(Duration.ofSeconds(-1)) - System.nanoTime() <= 0);
    }

    @Test
    void deadlineAfterATimeUnitSaturatesToForeverEvenForUnitsDurationCannotHold() {
        assertEquals(WaitStrategy.FOREVER, WaitStrategy.deadlineAfter(Long.MAX_VALUE, TimeUnit.DAYS));
        assertEquals(WaitStrategy.FOREVER, WaitStrategy.deadlineAfter(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        assertTrue(WaitStrategy.deadlineAfter(-1, TimeUnit.SECONDS) - System.nanoTime() <= 0);
        assertTrue(WaitStrategy.deadlineAfter(0, TimeUnit.SECONDS) - System.nanoTime() <= 0);
        long inOneSecond = WaitStrategy.deadlineAfter(1, TimeUnit.SECONDS) - System.nanoTime();
        assertTrue(inOneSecond > 0 && inOneSecond <= TimeUnit.SECONDS.toNanos(1), "deadline in " + inOneSecond + " ns");
    }

    private Thread sleepUntilFlag() {
        return Thread.ofPlatform().start(() -> {
            try {
                point.sleepUntil(this::flagIsSet, WaitStrategy.FOREVER, TimeUnit.HOURS.toNanos(1));
            } catch (InterruptedException unexpected) {
                throw new AssertionError(unexpected);
            }
        });
    }

    private void awaitWaiters(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (point.waiters() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + point.waiters() + " of " + count + " registered");
            Thread.sleep(1);
        }
    }
}
