package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mproc.testing.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * The parent's side of a {@link SyncChild}: sends {@code <worker> <command> <args>} lines to
 * its stdin and collects the {@code <worker> <reply>} lines it prints, per worker, in order.
 */
public final class SyncDriver implements AutoCloseable {
    public static final Duration REPLY = Duration.ofSeconds(20);

    private final ChildJvm child;
    private final PrintWriter input;
    private final Map<String, Queue<String>> replies = new HashMap<>();

    private SyncDriver(ChildJvm child) {
        this.child = child;
        this.input = new PrintWriter(child.process().getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts a child working in namespace {@code namespace} and waits until it is ready. */
    public static SyncDriver start(String namespace) throws InterruptedException {
        ChildJvm child = ChildJvm.start(SyncChild.class, namespace);
        try {
            child.awaitLine("READY", Duration.ofSeconds(30));
        } catch (AssertionError | InterruptedException failed) {
            child.close();
            throw failed;
        }
        return new SyncDriver(child);
    }

    public int pid() {
        return (int) child.pid();
    }

    /** Sends a command to worker thread {@code worker} (created on first use) without waiting. */
    public void send(String worker, String... command) {
        input.println(worker + " " + String.join(" ", command));
    }

    /** Sends a command and returns the worker's reply. */
    public String call(String worker, String... command) throws InterruptedException {
        send(worker, command);
        return reply(worker, REPLY);
    }

    /** Sends a command and checks the reply. */
    public void expect(String expected, String worker, String... command) throws InterruptedException {
        assertEquals(expected, call(worker, command), () -> "reply of " + worker + " to " + String.join(" ", command));
    }

    /** The next reply of {@code worker}, waiting at most {@code timeout}; fails on timeout. */
    public String reply(String worker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Queue<String> queue = replies.get(worker);
            if (queue != null && !queue.isEmpty()) {
                return queue.remove();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("worker " + worker + " of child " + pid() + " did not reply within " + timeout);
            }
            collect(Duration.ofNanos(left));
        }
    }

    /** Whether {@code worker} replies within {@code timeout} (the reply stays queued). */
    public boolean repliesWithin(String worker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Queue<String> queue = replies.get(worker);
            if (queue != null && !queue.isEmpty()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                collect(Duration.ofNanos(left));
            } catch (AssertionError timedOut) {
                return false;
            }
        }
    }

    private void collect(Duration timeout) throws InterruptedException {
        String line = child.awaitLine("", timeout);
        int space = line.indexOf(' ');
        if (space > 0) {
            replies.computeIfAbsent(line.substring(0, space), w -> new ArrayDeque<>()).add(line.substring(space + 1));
        }
    }

    /** SIGKILL, and wait until reaped. */
    public void kill() throws InterruptedException {
        child.kill();
    }

    /** Tells the child to exit and checks that it did so cleanly. */
    public void exit() throws InterruptedException {
        send("main", "exit");
        child.awaitSuccess(REPLY);
    }

    @Override
    public void close() {
        child.close();
    }

    /** The Java-serialised form of {@code object} (a shared object's handle), in Base64. */
    public static String serialize(Serializable object) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
