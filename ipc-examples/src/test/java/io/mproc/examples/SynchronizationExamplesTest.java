package io.mproc.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples of Condition, Semaphore, Barrier and Lock. */
class SynchronizationExamplesTest extends ExampleTestBase {

    @Test
    void consumersTakeEveryProducedItemExactlyOnce() throws Exception {
        List<String> output = run("condition");
        Pattern took = Pattern.compile("consumer-[12] took item (\\d)");
        List<String> taken = new ArrayList<>();
        for (String line : output) {
            Matcher matcher = took.matcher(line);
            if (matcher.matches()) {
                taken.add(matcher.group(1));
                assertBefore(output, "Produced item " + matcher.group(1), line);
            }
        }
        assertSameLines(List.of("1", "2", "3", "4", "5", "6"), taken);
        assertEquals("6 items produced, 6 taken", output.getLast());
    }

    @Test
    void noMoreWorkersWorkAtOnceThanTheSemaphoreAllows() throws Exception {
        List<String> output = run("semaphore");
        Matcher most = Pattern.compile("At most (\\d) workers worked at once; the semaphore allows 2\\.")
            .matcher(output.getLast());
        assertTrue(most.matches(), output.toString());
        assertTrue(Integer.parseInt(most.group(1)) <= 2, output.toString());
        for (int i = 1; i <= 5; i++) {
            assertTrue(output.contains("worker-" + i + " is done"), output.toString());
        }
        assertTrue(output.stream().filter(line -> line.contains(" is working (")).allMatch(
            line -> line.endsWith("(1 at once)") || line.endsWith("(2 at once)")), output.toString());
    }

    @Test
    void noWorkerStartsAPhaseBeforeAllFinishedThePreviousOne() throws Exception {
        List<String> output = run("barrier");
        for (int phase = 1; phase <= 3; phase++) {
            String through = "--- all 3 workers are through phase " + phase + " ---";
            assertEquals(1, output.stream().filter(through::equals).count(), "the action runs once a cycle: " + output);
            for (int worker = 1; worker <= 3; worker++) {
                assertBefore(output, "worker-" + worker + " finished phase " + phase, through);
                if (phase < 3) {
                    assertBefore(output, through, "worker-" + worker + " finished phase " + (phase + 1));
                }
            }
        }
        assertEquals("All workers finished 3 phases in step.", output.getLast());
    }

    @Test
    void theLockedCounterIsExact() throws Exception {
        assertEquals(List.of("Counter: 40000 (expected 40000)"), run("lock"));
    }
}
