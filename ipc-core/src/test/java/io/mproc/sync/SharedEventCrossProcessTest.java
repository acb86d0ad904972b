package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Events shared by real processes: set, clear, isSet and timed waits, both ways. */
class SharedEventCrossProcessTest extends CrossProcessTest {

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
