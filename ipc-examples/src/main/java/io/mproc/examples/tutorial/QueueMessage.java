package io.mproc.examples.tutorial;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.queue.SharedQueue;

/**
 * Tutorial example 2: a worker process puts a message on a queue; the parent prints what it
 * takes and joins the worker. Python's {@code multiprocessing.Queue()}, {@code put} and
 * {@code get}; here the queue is a {@link java.util.concurrent.BlockingQueue} in shared memory.
 *
 * <pre>
 * Processing finished!
 * </pre>
 *
 * <p>The root README quotes the lines between the {@code README-SAMPLE} markers; its test keeps
 * them identical.
 */
public final class QueueMessage {
    private QueueMessage() {
    }

    public static void main(String[] args) throws InterruptedException {
        // README-SAMPLE-START
        // A namespace of this run's own: closing it removes the queue's files.
        try (RegionNamespace namespace = RegionNamespace.open("queue-example-" + ProcessHandle.current().pid())) {
            SharedQueue<String> queue = SharedQueue.create(namespace, "results");
            // The queue travels to the child as a small handle and arrives as the same queue.
            try (JvmProcess<Void> worker = JvmProcess.run((SharedQueue<String> results) ->
                results.put("Processing finished!"), queue).start()) {
                System.out.println(queue.take());
                worker.join();
            }
        }
        // README-SAMPLE-END
    }
}
