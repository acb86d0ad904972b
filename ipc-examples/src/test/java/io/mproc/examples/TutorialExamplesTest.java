package io.mproc.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five examples of the Python tutorial print what the tutorial's versions print. */
class TutorialExamplesTest extends ExampleTestBase {

    @Test
    void fiveProcessesStartAndFinishAndTheParentJoinsThemAll() throws Exception {
        List<String> output = run("processes");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add("Process " + i + " started.");
            expected.add("Process " + i + " finished.");
            assertBefore(output, "Process " + i + " started.", "Process " + i + " finished.");
        }
        expected.add("All processes finished.");
        assertSameLines(expected, output);
        assertEquals("All processes finished.", output.getLast());
    }

    @Test
    void aWorkersMessageArrivesThroughAQueue() throws Exception {
        assertEquals(List.of("Processing finished!"), run("queue"));
    }

    @Test
    void aPoolOfFourSquaresZeroToNine() throws Exception {
        assertEquals(List.of("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"), run("pool"));
    }

    @Test
    void theWorkerContinuesOnlyOnceTheParentSetsTheEvent() throws Exception {
        List<String> output = run("event");
        // With shortened pauses the parent may speak before the worker's JVM is up: the only
        // order that always holds is that the signal is received after it was sent.
        assertSameLines(List.of("Waiting for the signal...", "Sending the signal...", "Signal received! Continuing."),
            output);
        assertBefore(output, "Sending the signal...", "Signal received! Continuing.");
    }

    @Test
    void aWorkersExceptionReachesTheParentThroughAQueueAProcessAndAPoolFuture() throws Exception {
        List<String> output = run("exceptions");
        String where = "    at io.mproc.examples.tutorial.Exceptions.worker(Exceptions.java:";
        assertBefore(output, "1. Through a queue (the tutorial's way)", "2. From the process object");
        assertBefore(output, "2. From the process object", "3. From a pool task's future");
        assertEquals(3, output.stream().filter("Caught exception: An error occurred!"::equals).count(), output.toString());
        assertTrue(output.contains("exit code 1, exception java.lang.IllegalArgumentException"), output.toString());
        assertEquals(2, output.stream().filter(line -> line.startsWith(where)).count(),
            "the process's and the pool's exception carry the worker's frames: " + output);
        // The child also reports its failure on standard error, as Python's does.
        assertTrue(output.contains("Process Process-2:"), output.toString());
        assertEquals("Caught exception: An error occurred!",
            output.get(output.indexOf("1. Through a queue (the tutorial's way)") + 1));
    }
}
