package io.mproc.examples;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.testing.ChildJvm;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples of signals, a pool that loses a worker, busy-spin ping-pong, and queues found by name. */
class ProcessExamplesTest extends ExampleTestBase {

    @Test
    void aWorkerThatHandlesSigtermStopsCleanlyWithExitCodeZero() throws Exception {
        List<String> output = run("signals");
        assertEquals(5, output.size(), output.toString());
        assertBefore(output, "worker: working; send me SIGTERM to stop", "parent: sending SIGTERM");
        assertBefore(output, "parent: sending SIGTERM", "worker: SIGTERM received; finishing the current item");
        assertTrue(output.get(3).matches("worker: stopped cleanly after \\d+ items"), output.toString());
        assertEquals("worker exit code 0", output.getLast());
    }

    @Test
    void thePoolFailsOnlyTheKilledWorkersTaskAndGoesOn() throws Exception {
        List<String> output = run("pool-worker-killed");
        assertEquals(4, output.size(), output.toString());
        Matcher killing = Pattern.compile("killing worker pid (\\d+) with SIGKILL").matcher(output.get(0));
        assertTrue(killing.matches(), output.toString());
        assertTrue(output.get(1).matches("the doomed task failed: pool Pool-1: worker Pool-1-worker-\\d \\(pid "
            + killing.group(1) + "\\) exited with -9 \\(SIGKILL\\) while running apply #1 .*"), output.toString());
        assertEquals("the other tasks completed: [0, 1, 4, 9, 16, 25, 36, 49]", output.get(2));
        assertEquals("the pool goes on with 2 workers: 6 * 7 = 42", output.get(3));
    }

    @Test
    void pingPongPrintsItsRoundTripPercentiles() throws Exception {
        List<String> output = run("ping-pong");
        assertEquals(2, output.size(), output.toString());
        assertTrue(output.get(0).matches("[\\d,]+ round trips in [\\d.]+ s \\(after [\\d.]+ s of warm-up\\)"), output.toString());
        assertTrue(output.get(1).matches("round trip: p50 [\\d,]+ ns, p90 [\\d,]+ ns, p99 [\\d,]+ ns, "
            + "p99\\.9 [\\d,]+ ns, max [\\d,]+ ns"), output.toString());
    }

    @Test
    void twoUnrelatedJvmsFindEachOthersQueuesByName() throws Exception {
        ChildJvm server = start("named-queue", "serve");
        server.awaitLine("serving:", RUN_TIMEOUT);
        List<String> client = run("named-queue", "connect");
        assertEquals(2, client.size(), client.toString());
        Matcher sent = Pattern.compile("sent: hello from pid (\\d+)").matcher(client.get(0));
        assertTrue(sent.matches(), client.toString());
        assertEquals("got: welcome, pid " + sent.group(1), client.get(1));
        server.awaitSuccess(RUN_TIMEOUT);
        assertEquals(List.of("serving: queues \"requests\" and \"replies\" in namespace \"named-queue-example\"",
            "got: hello from pid " + sent.group(1), "served 1 client; stopping"), server.output());
    }

    @Test
    void connectingWithoutAServerSaysSo() throws Exception {
        ChildJvm client = start("named-queue", "connect");
        assertEquals(1, client.awaitExit(RUN_TIMEOUT));
        assertTrue(client.output().getFirst().startsWith("no server: start \"named-queue serve\" first"),
            client.output().toString());
    }
}
