package io.mproc.process;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shared objects as arguments (they arrive as the same shared memory) and signal handlers in a child. */
class SharedObjectsAndSignalsTest extends ProcessTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final StandbyPool STANDBYS = StandbyPool.of(3);

    @Test
    void aRegionArgumentIsTheSameSharedMemoryInTheChild() throws Exception {
        Region region = Targets.flags(namespace, "shared-values");
        OrderedAccess.setLongRelease(region.body(), 0, 4343);
        try (JvmProcess<Long> child = JvmProcess.call((Region shared) -> {
            long seen = OrderedAccess.getLongAcquire(shared.body(), 0);
            OrderedAccess.setLongRelease(shared.body(), 8, 24234);
            return seen;
        }, region).standby(STANDBYS.pool()).start()) {
            assertEquals(4343L, child.result());
        }
        assertEquals(24234, OrderedAccess.getLongAcquire(region.body(), 8));
    }

    @Test
    void aSigtermHandlerInTheChildRunsAndTheChildDecidesHowItEnds() throws Exception {
        Region flags = Targets.flags(namespace, "graceful");
        try (JvmProcess<Integer> child = JvmProcess.call(SharedObjectsAndSignalsTest::stopOnSigterm, flags)
            .standby(STANDBYS.pool()).start()) {
            Targets.await(flags, 0, TIMEOUT);
            child.terminate();
            assertEquals(7, child.result());
            assertEquals(OptionalInt.of(0), child.exitCode());
            assertEquals(1, Targets.get(flags, 1), "the handler ran");
        }
    }

    static int stopOnSigterm(Region flags) throws InterruptedException {
        ProcessSignals.onSignal(UnixSignal.TERM, () -> Targets.set(flags, 1, 1));
        Targets.set(flags, 0, 1);
        Targets.await(flags, 1, Duration.ofSeconds(30));
        return 7;
    }

    @Test
    void aRestoredDefaultMakesSigtermEndTheChildAgain() throws Exception {
        Region flags = Targets.flags(namespace, "restored");
        try (JvmProcess<Void> child = JvmProcess.run((Region f) -> {
            ProcessSignals.onSignal(UnixSignal.TERM, () -> Targets.set(f, 1, 1));
            ProcessSignals.restoreDefault(UnixSignal.TERM);
            Targets.markAndSleep(f);
        }, flags).standby(STANDBYS.pool()).start()) {
            Targets.await(flags, 0, TIMEOUT);
            child.terminate();
            assertTrue(child.join(TIMEOUT));
            assertEquals(OptionalInt.of(-15), child.exitCode());
            assertEquals(0, Targets.get(flags, 1), "the replaced handler did not run");
        }
    }

    @Test
    void onlyTermIntAndHupCanBeHandled() {
        IllegalArgumentException kill = assertThrows(IllegalArgumentException.class,
            () -> ProcessSignals.onSignal(UnixSignal.KILL, () -> { }));
        assertEquals("signal=KILL (expected: TERM, INT or HUP)", kill.getMessage());
    }
}
