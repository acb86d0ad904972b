package io.mproc.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of Pipe, shared values and arrays, SharedMemory and JoinableQueue. */
class DataExamplesTest extends ExampleTestBase {

    @Test
    void theChildEchoesEveryMessageAndStopsAtTheEndOfFile() throws Exception {
        assertEquals(List.of("sent hello, got back HELLO", "sent shared memory, got back SHARED MEMORY",
            "sent pipes, got back PIPES", "echo: end of file, stopping", "echo process exit code 0"), run("pipe"));
    }

    @Test
    void theParentSeesTheChildsValueAndArrayAndEveryAtomicHit() throws Exception {
        assertEquals(List.of("3.1415927", "[0, -1, -2, -3, -4, -5, -6, -7, -8, -9]", "hits: 3000 (expected 3000)"),
            run("shared-values"));
    }

    @Test
    void aChildAttachesTheBlockByNameAndWritesTheSum() throws Exception {
        assertEquals(List.of("child: attached block \"numbers\" of 4096 bytes", "sum written by the child: 4950"),
            run("shared-memory"));
    }

    @Test
    void joinReturnsOnceEveryTaskIsDone() throws Exception {
        List<String> output = run("joinable-queue");
        List<String> expected = new ArrayList<>();
        for (int task = 1; task <= 10; task++) {
            int done = task;
            expected.add(output.stream().filter(line -> line.matches("worker-[12] did task " + done)).findFirst()
                .orElseThrow(() -> new AssertionError("task " + done + " not done: " + output)));
        }
        expected.add("All 10 tasks are done.");
        assertSameLines(expected, output);
        assertEquals("All 10 tasks are done.", output.getLast(), "join() returned after the last task was done");
    }
}
