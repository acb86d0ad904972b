package io.mproc.examples.tutorial;

import io.mproc.codec.Codecs;
import io.mproc.codec.SerialFilter;
import io.mproc.memory.RegionNamespace;
import io.mproc.pool.ProcessPool;
import io.mproc.process.JvmProcess;
import io.mproc.queue.QueueOptions;
import io.mproc.queue.SharedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Tutorial example 5: a worker that fails, and three ways for the parent to learn why.
 * <ol>
 *   <li>The tutorial's: the worker catches its exception and puts it on a queue.</li>
 *   <li>mproc's: the process object itself holds the exception its target threw
 *       ({@link JvmProcess#exception()}, or {@link JvmProcess#result()} throwing it); Python's
 *       {@code Process} only gives the exit code 1.</li>
 *   <li>mproc's: a pool task's future fails with the task's exception.</li>
 * </ol>
 * In each case the exception is re-created in the parent as its own class, and its stack trace
 * is the worker's: the frames below are those of the JVM where it was thrown. The second way
 * also makes the child print {@code Process Process-2:} and the trace to its standard error, as
 * Python does.
 *
 * <pre>
 * 1. Through a queue (the tutorial's way)
 * Caught exception: An error occurred!
 * 2. From the process object
 * exit code 1, exception java.lang.IllegalArgumentException
 * Caught exception: An error occurred!
 *     at io.mproc.examples.tutorial.Exceptions.worker(Exceptions.java:...)
 * 3. From a pool task's future
 * Caught exception: An error occurred!
 *     at io.mproc.examples.tutorial.Exceptions.worker(Exceptions.java:...)
 * </pre>
 */
public final class Exceptions {
    private Exceptions() {
    }

    /** Python's {@code raise ValueError("An error occurred!")}. */
    static int worker() {
        throw new IllegalArgumentException("An error occurred!");
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("1. Through a queue (the tutorial's way)");
        throughAQueue();
        System.out.println("2. From the process object");
        fromTheProcess();
        System.out.println("3. From a pool task's future");
        fromAPoolFuture();
    }

    private static void throughAQueue() throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open("exceptions-example-" + ProcessHandle.current().pid())) {
            // A queue reads Java-serialised objects only behind a filter of the classes it may
            // create: name the exception and its superclasses (and the frames it carries).
            SerialFilter exceptions = SerialFilter.standard().allowing(IllegalArgumentException.class,
                RuntimeException.class, Exception.class, Throwable.class, StackTraceElement.class);
            // An exception with its stack trace takes a few kilobytes: room for 64 KiB each.
            SharedQueue<Exception> errors = SharedQueue.create(namespace, "errors", Codecs.standard(exceptions),
                QueueOptions.defaults().withMaxSize(4).withMaxMessageBytes(64 * 1024));
            try (JvmProcess<Void> process = JvmProcess.run((SharedQueue<Exception> queue) -> {
                try {
                    worker();
                } catch (IllegalArgumentException e) {
                    queue.put(e);
                }
            }, errors).start()) {
                process.join();
                Exception caught = errors.poll();
                if (caught != null) {
                    System.out.println("Caught exception: " + caught.getMessage());
                }
            }
        }
    }

    private static void fromTheProcess() throws InterruptedException {
        try (JvmProcess<Integer> process = JvmProcess.call(Exceptions::worker).start()) {
            process.join();
            Throwable caught = process.exception().orElseThrow();
            System.out.println("exit code " + process.exitCode().orElseThrow() + ", exception "
                + caught.getClass().getName());
            print(caught);
        }
    }

    private static void fromAPoolFuture() throws InterruptedException {
        try (ProcessPool pool = ProcessPool.create(1)) {
            CompletableFuture<Integer> task = pool.applyAsync(Exceptions::worker);
            try {
                task.get();
            } catch (ExecutionException failed) {
                print(failed.getCause());
            }
        }
    }

    /** The message and the first frame: where the worker threw, in its own JVM. */
    private static void print(Throwable caught) {
        System.out.println("Caught exception: " + caught.getMessage());
        System.out.println("    at " + caught.getStackTrace()[0]);
    }
}
