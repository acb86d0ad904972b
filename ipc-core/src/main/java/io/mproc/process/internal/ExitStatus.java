package io.mproc.process.internal;

import java.util.Set;

/**
 * Turns what {@link java.lang.Process#exitValue()} says, plus what the child recorded in its
 * control block, into Python's exit code: {@code n} for an exit with status {@code n},
 * {@code -N} for a death by signal {@code N}.
 *
 * <p>The JDK reports a death by signal {@code N} as {@code 128 + N}, the same number a
 * {@code System.exit(128 + N)} gives, and the JVM answers SIGTERM, SIGINT and SIGHUP by running
 * its shutdown hooks and exiting with {@code 128 + N} itself. The child's records tell them
 * apart, in this order:
 * <ol>
 *   <li>the child recorded the code it exits with itself (its target returned: 0, or threw: 1)
 *       and that is the status: that code;</li>
 *   <li>the shutdown was begun by the JVM's handler for signal {@code N} and the status is
 *       {@code 128 + N}: {@code -N} (a handler the user installed that exits otherwise gives
 *       its own status);</li>
 *   <li>this parent sent signal {@code N} and the status is {@code 128 + N}: {@code -N} (a
 *       SIGKILL while shutdown hooks ran);</li>
 *   <li>the shutdown hooks ran (an exit through {@code System.exit}): the status as it is;</li>
 *   <li>no hooks ran and the status is {@code 129..192}: killed by signal {@code status - 128}
 *       (SIGKILL, or a JVM crash, which aborts: -6);</li>
 *   <li>otherwise the status as it is ({@code Runtime.halt(n)}).</li>
 * </ol>
 * Two cases stay ambiguous and are documented on {@code JvmProcess.exitCode()}:
 * {@code Runtime.halt(128 + N)} reads as {@code -N}, and a SIGKILL from another process during
 * the shutdown hooks reads as {@code 137}.
 */
public final class ExitStatus {
    private ExitStatus() {
    }

    /** Highest signal number Linux has (real-time signals included). */
    private static final int MAX_SIGNAL = 64;

    /** The exit code for a JVM whose exit value was {@code status}. */
    public static int decode(int status, ControlBlock.ExitRecord record, Set<Integer> signalsSent) {
        if (record.exitRecorded() && status == record.exitCode()) {
            return status;
        }
        int signal = status - 128;
        boolean signalShaped = signal >= 1 && signal <= MAX_SIGNAL;
        if (signalShaped && record.signalSeen() == signal) {
            return -signal;
        }
        if (signalShaped && signalsSent.contains(signal)) {
            return -signal;
        }
        if (record.hooksRan()) {
            return status;
        }
        return signalShaped ? -signal : status;
    }
}
