package io.mproc.process;

/** The signals a process is commonly sent, with their Linux numbers. */
public enum UnixSignal {
    /** Hang-up: the JVM shuts down (hooks run); mproc reports the exit as -1. */
    HUP(1),
    /** Interrupt (Ctrl-C): the JVM shuts down (hooks run); mproc reports -2. */
    INT(2),
    /** Quit: the JVM prints a thread dump and goes on. */
    QUIT(3),
    /** Kill: ends the process at once, no hooks; -9. */
    KILL(9),
    /** User signal 1: ends a JVM at once (no hooks), unless a handler is installed; -10. */
    USR1(10),
    /** User signal 2. */
    USR2(12),
    /** Terminate: the JVM shuts down (hooks run); mproc reports -15. */
    TERM(15),
    /** Continue a stopped process. */
    CONT(18),
    /** Stop (pause) the process. */
    STOP(19);

    private final int number;

    UnixSignal(int number) {
        this.number = number;
    }

    /** The signal's number on Linux. */
    public int number() {
        return number;
    }

    /**
     * How messages name signal {@code number}: {@code "SIGKILL"} for 9, {@code "signal 42"} for
     * a number without a common name.
     */
    public static String nameOf(int number) {
        for (UnixSignal signal : values()) {
            if (signal.number == number) {
                return "SIG" + signal.name();
            }
        }
        // Signals that end processes but are not sent through mproc, hence not constants.
        return switch (number) {
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 11 -> "SIGSEGV";
            case 13 -> "SIGPIPE";
            case 14 -> "SIGALRM";
            default -> "signal " + number;
        };
    }
}
