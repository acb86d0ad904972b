package io.mproc.examples.tutorial;

import io.mproc.examples.Pause;
import io.mproc.process.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tutorial example 1: five worker processes each print that they started, sleep two seconds
 * and print that they finished; the parent starts them all, joins them all, and says so.
 * Python's {@code Process(target=worker, args=(i,))}, {@code start()} and {@code join()}.
 *
 * <pre>
 * Process 0 started.
 * Process 1 started.      (the five workers run at once, so their lines come in any order)
 * ...
 * Process 0 finished.
 * ...
 * All processes finished.
 * </pre>
 */
public final class FiveProcesses {
    private FiveProcesses() {
    }

    /** The target: runs in a JVM of its own, with the number the parent gave it. */
    static void worker(int number) throws InterruptedException {
        System.out.println("Process " + number + " started.");
        Pause.sleep(Duration.ofSeconds(2));
        System.out.println("Process " + number + " finished.");
    }

    public static void main(String[] args) throws InterruptedException {
        List<JvmProcess<Void>> processes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // The method reference and its argument travel to the child JVM, serialised.
            processes.add(JvmProcess.run(FiveProcesses::worker, i).start());
        }
        for (JvmProcess<Void> process : processes) {
            process.join();
            process.close();
        }
        System.out.println("All processes finished.");
    }
}
