package io.mproc.process.internal;

/**
 * The shutdown hook that tells the parent how this JVM ends: that hooks ran at all (so the
 * exit goes through {@code Runtime.exit}, not SIGKILL or a halt), and whether the shutdown was
 * begun by the JVM's handler of SIGTERM, SIGINT or SIGHUP. That handler runs on a thread the
 * JVM names {@code SIGTERM handler} (and so on), which is still alive while the hooks run: the
 * hook looks for it. See {@link ExitStatus} for how the parent uses the record. A hook that
 * finds no control block (its setup failed, or took longer than {@value #SETUP_WAIT_MILLIS} ms)
 * records nothing, and the parent reads the bare exit status.
 */
final class ExitRecorder extends Thread {
    /**
     * How long the hook waits for a cold child's {@link ChildSetup} to attach the control block
     * (a target may call {@code System.exit} before that): milliseconds normally.
     */
    private static final long SETUP_WAIT_MILLIS = 2_000;

    private final ChildSetup setup;

    private ExitRecorder(ChildSetup setup) {
        super("mproc-exit-recorder");
        this.setup = setup;
    }

    /** Installs the hook before the target runs; it records into {@code setup}'s control block. */
    static void install(ChildSetup setup) {
        Runtime.getRuntime().addShutdownHook(new ExitRecorder(setup));
    }

    @Override
    public void run() {
        // Read before waiting: the signal handler's thread ends once the hooks are done.
        int signal = shutdownSignal();
        ControlBlock control = setup.controlWithin(SETUP_WAIT_MILLIS);
        if (control != null) {
            if (signal != 0) {
                control.recordSignal(signal);
            }
            control.recordHooksRan();
        }
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
