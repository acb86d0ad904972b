package io.mproc.examples.tutorial;

import io.mproc.examples.Pause;
import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.sync.SharedEvent;
import java.time.Duration;

/**
 * Tutorial example 4: a worker process waits for an event; the parent sleeps three seconds,
 * then sets it. Python's {@code multiprocessing.Event()}, {@code wait()} and {@code set()}.
 *
 * <pre>
 * Waiting for the signal...
 * Sending the signal...
 * Signal received! Continuing.
 * </pre>
 */
public final class EventSignal {
    private EventSignal() {
    }

    static void worker(SharedEvent event) throws InterruptedException {
        System.out.println("Waiting for the signal...");
        event.await(); // sleeps on a futex: no CPU while it waits
        System.out.println("Signal received! Continuing.");
    }

    public static void main(String[] args) throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open("event-example-" + ProcessHandle.current().pid());
             SharedEvent event = SharedEvent.create(namespace, "signal");
             JvmProcess<Void> worker = JvmProcess.run(EventSignal::worker, event).start()) {
            Pause.sleep(Duration.ofSeconds(3));
            System.out.println("Sending the signal...");
            event.set();
            worker.join();
        }
    }
}
