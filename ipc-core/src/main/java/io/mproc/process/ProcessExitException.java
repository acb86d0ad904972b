package io.mproc.process;

import java.io.Serial;

/**
 * A process ended without its target returning or throwing: it called {@code System.exit}, or
 * was killed by a signal, before the target finished. The cause of the
 * {@link java.util.concurrent.ExecutionException} that {@link JvmProcess#result()} throws then.
 */
public final class ProcessExitException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String processName;
    private final int exitCode;

    /**
     * @param processName the process's name
     * @param exitCode    its exit code ({@code -N} for signal {@code N})
     * @param described   the exit code in words, such as {@code "-9 (SIGKILL)"}
     */
    public ProcessExitException(String processName, int exitCode, String described) {
        super("process " + processName + " exited with " + described + " before its target returned");
        this.processName = processName;
        this.exitCode = exitCode;
    }

    /** The process's name. */
    public String processName() {
        return processName;
    }

    /** Its exit code, as {@link JvmProcess#exitCode()} reports it. */
    public int exitCode() {
        return exitCode;
    }
}
