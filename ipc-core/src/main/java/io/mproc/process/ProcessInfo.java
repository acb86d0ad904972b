package io.mproc.process;

import io.mproc.memory.ProcessIdentity;
import java.util.Objects;

/**
 * A process of the tree mproc started, as seen from inside one: what
 * {@link JvmProcess#current()} and {@link JvmProcess#parent()} return, as Python's
 * {@code current_process()} and {@code parent_process()} do. Unlike a {@link JvmProcess} it
 * cannot be joined or signalled; {@link #isAlive()} checks the pid together with the start time,
 * so a recycled pid does not count.
 */
public final class ProcessInfo {
    private final String name;
    private final ProcessIdentity identity;
    private final boolean daemon;

    ProcessInfo(String name, ProcessIdentity identity, boolean daemon) {
        this.name = Objects.requireNonNull(name, "name");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.daemon = daemon;
    }

    /** The process's name: {@code MainProcess} for the JVM the user started, else as it was built. */
    public String name() {
        return name;
    }

    /** The operating-system process id. */
    public long pid() {
        return identity.pid();
    }

    /** Whether it is a daemon process. */
    public boolean daemon() {
        return daemon;
    }

    /** Whether that process still runs (same pid and the same start time). */
    public boolean isAlive() {
        return identity.isAlive();
    }

    @Override
    public String toString() {
        return "ProcessInfo[" + name + ", pid " + identity.pid() + (daemon ? ", daemon" : "") + "]";
    }
}
