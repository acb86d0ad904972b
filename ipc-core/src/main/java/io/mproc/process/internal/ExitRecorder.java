package io.mproc.process.internal;

/**
 * The shutdown hook that tells the parent how this JVM ends: that hooks ran at all (so the
 * exit goes through {@code Runtime.exit}, not SIGKILL or a halt), and whether the shutdown was
 * begun by the JVM's handler of SIGTERM, SIGINT or SIGHUP. That handler runs on a thread the
 * JVM names {@code SIGTERM handler} (and so on), which is still alive while the hooks run: the
 * hook looks for it. See {@link ExitStatus} for how the parent uses the record.
 */
final class ExitRecorder {
    private ExitRecorder() {
    }

    static void install(ControlBlock control) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> record(control), "mproc-exit-recorder"));
    }

    private static void record(ControlBlock control) {
        int signal = shutdownSignal();
        if (signal != 0) {
            control.recordSignal(signal);
        }
        control.recordHooksRan();
        Lifeline.stop();
    }

    /** The signal whose handler thread is running, or 0. */
    private static int shutdownSignal() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            switch (threads[i].getName()) {
                case "SIGTERM handler" -> {
                    return 15;
                }
                case "SIGINT handler" -> {
                    return 2;
                }
                case "SIGHUP handler" -> {
                    return 1;
                }
                default -> {
                    // not a signal handler
                }
            }
        }
        return 0;
    }
}
