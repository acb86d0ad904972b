package io.mproc.pool;

import io.mproc.process.UnixSignal;
import java.io.Serial;

/**
 * A task's worker process ended while it ran the task: killed by a signal (SIGKILL, the
 * kernel's OOM killer), or the task called {@code System.exit}. The cause of the
 * {@link java.util.concurrent.ExecutionException} of that task alone: the pool starts a
 * replacement worker and goes on with every other task (those the dead worker had not started
 * run elsewhere). Python's {@code Pool} would wait for such a task forever.
 */
public final class WorkerDiedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String workerName;
    private final long pid;
    private final int exitCode;

    /**
     * @param pool       the pool's name
     * @param workerName the worker's process name
     * @param pid        its pid
     * @param exitCode   its exit code, as {@link io.mproc.process.JvmProcess#exitCode()} reports it
     * @param task       the task it was running, described
     */
    public WorkerDiedException(String pool, String workerName, long pid, int exitCode, String task) {
        super("pool " + pool + ": worker " + workerName + " (pid " + pid + ") exited with " + describe(exitCode)
            + " while running " + task);
        this.workerName = workerName;
        this.pid = pid;
        this.exitCode = exitCode;
    }

    /** The worker's process name. */
    public String workerName() {
        return workerName;
    }

    /** The worker's pid. */
    public long pid() {
        return pid;
    }

    /** The worker's exit code: {@code -N} for signal {@code N}, {@code n} for {@code System.exit(n)}. */
    public int exitCode() {
        return exitCode;
    }

    /** "-9 (SIGKILL)", "3". */
    static String describe(int exitCode) {
        return exitCode < 0 ? exitCode + " (" + UnixSignal.nameOf(-exitCode) + ")" : Integer.toString(exitCode);
    }
}
