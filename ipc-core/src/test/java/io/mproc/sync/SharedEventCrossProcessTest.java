package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.CrossProcessTest;
import io.mproc.wait.WaitStrategy;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Events shared by real processes: set, clear, isSet and timed waits, both ways. */
class SharedEventCrossProcessTest extends CrossProcessTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "spin"})
    void pingPongBetweenTwoProcessesLosesNoSetAndPrintsTheHandOff(String strategy) throws Exception {
        // Two spinners on a shared 2-CPU machine often wait for each other's time slice: few rounds.
        int rounds = strategy.equals("spin") ? 100 : 5000;
        try (SharedEvent ping = SharedEvent.create(namespace, "ping");
             SharedEvent pong = SharedEvent.create(namespace, "pong");
             SharedEvent stop = SharedEvent.create(namespace, "stop");
             SyncDriver child = SyncDriver.start(namespace.name())) {
            for (SharedEvent event : new SharedEvent[] {ping, pong, stop}) {
                child.expect("SharedEvent", "a", "handle", event.name(), SyncDriver.serialize(event));
            }
            if (strategy.equals("spin")) {
                pong.setWaitStrategy(WaitStrategy.busySpin());
            }
            child.send("a", "pong", "ping", "pong", "stop", strategy);
            long[] roundTrips = new long[rounds];
            long budget = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int done = 0;
            while (done < rounds && System.nanoTime() < budget) {
                long start = System.nanoTime();
                ping.set();
                assertTrue(pong.await(Duration.ofSeconds(10)), "round " + done + ": no answer (a lost wake-up)");
                pong.clear();
                roundTrips[done++] = System.nanoTime() - start;
            }
            stop.set();
            assertEquals("rounds " + done, child.reply("a", SyncDriver.REPLY));
            long[] measured = Arrays.copyOf(roundTrips, done);
            Arrays.sort(measured);
            System.out.printf("event ping-pong (%s) between two JVMs: %d round trips, median %.1f us, p99 %.1f us"
                    + " (not a benchmark: shared 2-CPU machine, no pinning)%n", strategy, done,
                measured[done / 2] / 1000.0, measured[(int) (done * 0.99)] / 1000.0);
            assertTrue(done >= Math.min(rounds, 100), "only " + done + " round trips in 5 s");
            child.exit();
        }
    }

    @Test
    void aTimeoutTooLongForADurationMeansWaitWithoutLimit() throws Exception {
        try (SharedEvent event = SharedEvent.create(namespace, "forever")) {
            event.set();
            assertTrue(event.await(Long.MAX_VALUE, TimeUnit.DAYS), "a set event, whatever the timeout");
        }
    }

    @Test
    void setInOneProcessWakesWaitersInAnotherAndClearMakesThemWaitAgain() throws Exception {
        try (SharedEvent event = SharedEvent.create(namespace, "ev");
             SyncDriver child = SyncDriver.start(namespace.name())) {
            child.expect("SharedEvent", "a", "handle", "e", SyncDriver.serialize(event));
            child.expect("SharedEvent", "b", "attach", "e", "event", "ev");
            assertFalse(event.isSet());
            String[] timed = child.call("a", "wait", "e", "100").split(" ");
            assertEquals("false", timed[0]);
            assertTrue(Long.parseLong(timed[1]) >= 100, "wait(100 ms) returned after " + timed[1] + " ms");

            child.send("a", "wait", "e", "10000");
            child.send("b", "wait", "e", "10000");
            assertFalse(child.repliesWithin("a", Duration.ofMillis(200)));
            event.set();
            assertTrue(child.reply("a", SyncDriver.REPLY).startsWith("true"));
            assertTrue(child.reply("b", SyncDriver.REPLY).startsWith("true"));
            child.expect("true", "a", "get", "e");
            assertTrue(child.call("a", "wait", "e", "0").startsWith("true"), "waiting on a set event returns at once");

            child.expect("cleared", "a", "clear", "e");
            assertFalse(event.isSet());
            assertFalse(event.await(Duration.ofMillis(50)));
            child.send("a", "set", "e");
            assertTrue(event.await(Duration.ofSeconds(10)), "the child's set woke the parent");
            assertEquals("set", child.reply("a", SyncDriver.REPLY));
            child.exit();
        }
    }
}
