package io.mproc.process.internal;

import io.mproc.memory.ProcessIdentity;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * How a child JVM notices that its parent died, however abruptly (SIGKILL included), and
 * leaves: no orphan keeps running.
 *
 * <p>Two watchers, each a daemon thread:
 * <ul>
 *   <li>the child's standard input is a pipe whose only writer is the parent; after the spec
 *       message the parent never writes, so a read blocks until the parent's end closes, which
 *       the kernel does when the parent dies: end of file within microseconds;</li>
 *   <li>a poll of the parent's pid and start time every {@value #POLL_MILLIS} ms, for the case
 *       where the pipe's writing end lives on in some other process.</li>
 * </ul>
 * Either one marks the process {@link ProcessContext#orphaned() orphaned} and exits with status
 * 1: shutdown hooks run (mproc's own hook kills this process's children rather than joining
 * them), and a watchdog halts the JVM if they take longer than {@value #GRACE_MILLIS} ms. So a
 * child is gone within about {@value #POLL_MILLIS} ms of its parent in the worst case, within a
 * few milliseconds normally.
 *
 * <p>The child's {@link System#in} is replaced by an empty stream (Python gives its children
 * {@code /dev/null}): the pipe belongs to the lifeline. A cold child's parent writes one
 * message into it first ({@link SpecPipe}), which the child reads before the lifeline starts.
 *
 * <p>The pipe is read through a {@link FileChannel}, which an interrupt closes: the JVM's exit
 * waits up to 300 ms for threads still blocked in native code, so {@link #stop()} (called from
 * the shutdown hook) takes the watcher out of its read first.
 */
final class Lifeline {
    private Lifeline() {
    }

    static final int POLL_MILLIS = 250;
    static final int GRACE_MILLIS = 500;
    /** The status an orphan exits with (nobody is left to read it). */
    static final int ORPHAN_EXIT = 1;

    private static volatile Thread pipeWatcher;
    private static volatile boolean stopping;

    /**
     * Gives the program an empty {@link System#in}: the real standard input is the lifeline.
     * Called before the target runs, which must not read the pipe.
     */
    static void takeStandardInput() {
        System.setIn(InputStream.nullInputStream());
    }

    /** Starts watching {@code parent} (after {@link #takeStandardInput()}). */
    static void watch(ProcessIdentity parent) {
        @SuppressWarnings("resource") // fd 0 stays open for the JVM's life: it is the lifeline
        FileChannel pipe = new FileInputStream(FileDescriptor.in).getChannel();
        Thread watcher = new Thread(new PipeWatch(pipe), "mproc-lifeline-pipe");
        watcher.setDaemon(true);
        pipeWatcher = watcher;
        watcher.start();
        Thread poll = new Thread(new PidPoll(parent), "mproc-lifeline-poll");
        poll.setDaemon(true);
        poll.start();
    }

    /** Reads the pipe until it ends. (Classes rather than lambdas: nothing to spin at start.) */
    private record PipeWatch(FileChannel pipe) implements Runnable {
        @Override
        public void run() {
            ByteBuffer ignored = ByteBuffer.allocate(64);
            try {
                while (pipe.read(ignored.clear()) >= 0) {
                    // The parent never writes after the spec message; anything read is ignored.
                }
            } catch (IOException closedOrInterrupted) {
                if (stopping) {
                    return;
                }
                // a broken pipe means the same as end of file
            }
            leave("its parent's pipe closed");
        }
    }

    /** Polls the parent's pid and start time. */
    private record PidPoll(ProcessIdentity parent) implements Runnable {
        @Override
        public void run() {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException stop) {
                    return;
                }
            }
            leave("its parent pid " + parent.pid() + " is gone");
        }
    }

    /** The JVM is exiting anyway: stop reading the pipe (see the class description). */
    static void stop() {
        stopping = true;
        Thread watcher = pipeWatcher;
        if (watcher != null) {
            watcher.interrupt();
        }
    }

    private static void leave(String why) {
        if (stopping) {
            return;
        }
        synchronized (Lifeline.class) {
            if (ProcessContext.orphaned()) {
                return;
            }
            ProcessContext.markOrphaned();
        }
        Thread.ofPlatform().daemon().name("mproc-orphan-watchdog").start(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // halt now
            }
            Runtime.getRuntime().halt(ORPHAN_EXIT);
        });
        System.err.println("Process " + ProcessContext.name() + " exits: " + why);
        System.exit(ORPHAN_EXIT);
    }
}
