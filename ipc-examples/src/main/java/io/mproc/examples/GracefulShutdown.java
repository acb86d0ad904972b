package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.process.ProcessSignals;
import io.mproc.process.UnixSignal;
import io.mproc.sync.SharedEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Signals: a worker process handles SIGTERM by finishing the item it is on and returning, so
 * it exits cleanly with code 0; without a handler, SIGTERM ends a JVM at once (after its
 * shutdown hooks) and mproc reports -15, as Python does. Python's
 * {@code signal.signal(SIGTERM, handler)} in the child and {@code p.terminate()} in the parent.
 *
 * <pre>
 * worker: working; send me SIGTERM to stop
 * parent: sending SIGTERM
 * worker: SIGTERM received; finishing the current item
 * worker: stopped cleanly after 10 items
 * worker exit code 0
 * </pre>
 */
public final class GracefulShutdown {
    private GracefulShutdown() {
    }

    static void work(SharedEvent started) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        // The handler runs on a thread of its own; it asks the work loop to stop, and the
        // process ends when the target returns.
        ProcessSignals.onSignal(UnixSignal.TERM, () -> {
            System.out.println("worker: SIGTERM received; finishing the current item");
            stop.countDown();
        });
        System.out.println("worker: working; send me SIGTERM to stop");
        started.set();
        int items = 0;
        while (!stop.await(Pause.scaled(Duration.ofMillis(100)).toNanos(), TimeUnit.NANOSECONDS)) {
            items++; // one item of work per 100 ms
        }
        System.out.println("worker: stopped cleanly after " + items + " items");
    }

    public static void main(String[] args) throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open("signals-example-" + ProcessHandle.current().pid());
             SharedEvent started = SharedEvent.create(namespace, "started");
             JvmProcess<Void> worker = JvmProcess.run(GracefulShutdown::work, started).name("worker").start()) {
            started.await(); // the handler is installed
            Pause.sleep(Duration.ofSeconds(1));
            System.out.println("parent: sending SIGTERM");
            worker.terminate();
            worker.join();
            System.out.println("worker exit code " + worker.exitCode().orElseThrow());
        }
    }
}
