package io.mproc.examples;

import io.mproc.examples.tutorial.EventSignal;
import io.mproc.examples.tutorial.Exceptions;
import io.mproc.examples.tutorial.FiveProcesses;
import io.mproc.examples.tutorial.PoolSquares;
import io.mproc.examples.tutorial.QueueMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Lists the examples, or runs one by name: {@code Examples} alone prints every name with what
 * it shows; {@code Examples <name> [arguments]} runs that example's {@code main} in this JVM.
 * Through Maven, from the repository's root:
 * <pre>
 * mvn -B -q -DskipTests -Pexample verify                        # list the examples
 * mvn -B -q -DskipTests -Pexample -Dexample=queue verify        # run one by name
 * mvn -B -q -DskipTests -Pexample -Dexample="named-queue serve" verify   # with arguments
 * </pre>
 * mproc needs {@code --enable-native-access=ALL-UNNAMED} on the JVM that loads it; Maven's
 * {@code example} profile passes it, and a JVM started without it (a plain
 * {@code java -cp ... io.mproc.examples.Examples queue}) starts the example in a JVM that has
 * it, so that nobody has to type the flag.
 */
public final class Examples {
    /** An example's entry point: its {@code main}. */
    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }

    /** One example: its name on the command line, what it shows, and its main. */
    record Example(String name, String summary, Main main) {
    }

    static final List<Example> ALL = List.of(
        new Example("processes", "tutorial 1: five processes start, sleep 2 s and finish; the parent joins them",
            FiveProcesses::main),
        new Example("queue", "tutorial 2: a worker puts a message on a queue; the parent prints it",
            QueueMessage::main),
        new Example("pool", "tutorial 3: a pool of 4 worker processes squares 0..9", PoolSquares::main),
        new Example("event", "tutorial 4: a worker waits for an event that the parent sets 3 s later",
            EventSignal::main),
        new Example("exceptions", "tutorial 5: a worker's exception, through a queue, a process and a pool future",
            Exceptions::main),
        new Example("condition", "Condition: consumers wait with waitFor until the producer has an item",
            ProducerConsumer::main),
        new Example("semaphore", "Semaphore: at most 2 of 5 worker processes work at once", LimitedWorkers::main),
        new Example("barrier", "Barrier: 3 processes go through 3 phases in step", BarrierPhases::main),
        new Example("lock", "Lock: 4 processes add to a shared counter; the total is exact", SharedCounter::main),
        new Example("pipe", "Pipe: a child echoes messages back through a duplex pipe", PipeEcho::main),
        new Example("shared-values", "Value and Array: a child changes them; 3 processes count atomically",
            SharedValues::main),
        new Example("shared-memory", "SharedMemory: a raw block a child attaches by name", SharedMemoryBlock::main),
        new Example("joinable-queue", "JoinableQueue: workers call taskDone, the parent's join waits for all",
            TaskQueue::main),
        new Example("signals", "signals: a worker shuts down cleanly on SIGTERM (exit code 0)",
            GracefulShutdown::main),
        new Example("pool-worker-killed", "Pool: a worker is SIGKILLed; its task fails, the pool goes on",
            PoolWorkerKilled::main),
        new Example("ping-pong", "low latency: busy-spin ping-pong between two JVMs, round-trip percentiles",
            PingPong::main),
        new Example("named-queue", "two JVMs started by hand find each other's queues by name (serve | connect)",
            NamedQueue::main),
        new Example("demo", "the main demo: 8-byte ping-pong through two SPSC rings, two JVMs", Demo::main),
        new Example("ring", "the README's code sample: one message through a ring", RingQuickStart::main));

    private Examples() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].isBlank()) {
            list();
            return;
        }
        Optional<Example> example = find(args[0]);
        if (example.isEmpty()) {
            System.err.println("unknown example \"" + args[0] + "\"; the examples are:");
            list();
            System.exit(2);
        }
        if (!Examples.class.getModule().isNativeAccessEnabled()) {
            System.exit(relaunchWithNativeAccess(args));
        }
        example.get().main().run(Arrays.copyOfRange(args, 1, args.length));
    }

    static Optional<Example> find(String name) {
        return ALL.stream().filter(example -> example.name().equals(name)).findFirst();
    }

    private static void list() {
        System.out.println("mproc examples (run one: mvn -B -q -DskipTests -Pexample -Dexample=<name> verify)");
        for (Example example : ALL) {
            System.out.printf("  %-20s %s%n", example.name(), example.summary());
        }
    }

    /**
     * Runs the same command in a JVM with the flag mproc needs (its FFM calls of futex and
     * kill are restricted methods), sharing this one's terminal; returns its exit code.
     */
    private static int relaunchWithNativeAccess(String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED"));
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("mproc."))
            .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Examples.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
