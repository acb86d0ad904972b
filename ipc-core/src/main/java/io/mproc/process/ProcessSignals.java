package io.mproc.process;

import io.mproc.process.internal.JvmSignals;
import java.util.Objects;

/**
 * Graceful handling of SIGTERM, SIGINT and SIGHUP inside a process: Python's
 * {@code signal.signal(SIGTERM, handler)}.
 *
 * <p>By default the JVM answers each of these by running its shutdown hooks and exiting, and
 * mproc reports such an exit as {@code -N} ({@code -15} for SIGTERM), as Python reports a
 * death by that signal. (Python turns SIGINT into {@code KeyboardInterrupt} and exit code 1;
 * a JVM has no such exception, so mproc keeps the JVM's behaviour and reports {@code -2}.)
 *
 * <p>With a handler installed, the signal runs the handler, on a thread of its own, and the
 * process carries on: the handler decides, for instance by letting the target return or by
 * calling {@code System.exit(0)}, and the exit code is then whatever the process exits with.
 * Works in any JVM, child or not.
 *
 * <p>Built on the JDK's {@code sun.misc.Signal} (module {@code jdk.unsupported}), reached
 * reflectively; unavailable in a JVM started with {@code -Xrs}, where the methods throw
 * {@link UnsupportedOperationException}.
 */
public final class ProcessSignals {
    private ProcessSignals() {
    }

    /**
     * Runs {@code handler} whenever {@code signal} arrives, instead of the JVM's shutdown.
     *
     * @throws IllegalArgumentException if {@code signal} is not TERM, INT or HUP
     */
    public static void onSignal(UnixSignal signal, Runnable handler) {
        Objects.requireNonNull(handler, "handler");
        JvmSignals.install(requireHandled(signal), handler);
    }

    /** Gives {@code signal} back to the JVM's own handling (shutdown hooks, then exit). */
    public static void restoreDefault(UnixSignal signal) {
        JvmSignals.restore(requireHandled(signal));
    }

    private static String requireHandled(UnixSignal signal) {
        Objects.requireNonNull(signal, "signal");
        return switch (signal) {
            case TERM, INT, HUP -> signal.name();
            default -> throw new IllegalArgumentException("signal=" + signal + " (expected: TERM, INT or HUP)");
        };
    }
}
