package io.mproc.process;

import io.mproc.memory.ProcessIdentity;
import io.mproc.process.internal.LaunchSpec;
import io.mproc.process.internal.NativeKill;
import io.mproc.process.internal.Outcome;
import io.mproc.process.internal.ProcessContext;
import io.mproc.process.internal.ProcessTarget;
import io.mproc.process.internal.SpecSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A target running in a JVM of its own: Python's {@code multiprocessing.Process}, for Java.
 *
 * <pre>{@code
 * JvmProcess<Integer> answer = JvmProcess.call(() -> 6 * 7).name("answer").start();
 * answer.join();
 * answer.exitCode();   // OptionalInt[0]
 * answer.result();     // 42
 * }</pre>
 *
 * <p>Build one with {@link #run}, {@link #call} or {@link #method} and the
 * {@link JvmProcessBuilder}; then {@link #start()} it once. The child JVM is launched with the
 * parent's {@code java}, class path and the flags mproc needs (see {@link LaunchSettings}), or
 * taken from a {@link StandbyJvms pool of pre-started JVMs} (a warm start); either way it then
 * behaves the same.
 *
 * <h2>Exit codes (as Python)</h2>
 * {@link #exitCode()} is empty while the process runs, then: 0 when the target returned (the
 * JVM exits like a {@code main} that returned, once its non-daemon threads ended); {@code n}
 * for {@code System.exit(n)}; 1 when the target threw (the child prints {@code Process <name>:}
 * and the stack trace to its standard error); {@code -N} when a signal {@code N} ended it:
 * -9 for {@link #kill()}, -15 for {@link #terminate()} even though the JVM runs its shutdown
 * hooks on SIGTERM, unless the child {@link ProcessSignals handles the signal} and exits
 * otherwise. The JDK reports both a death by signal {@code N} and {@code System.exit(128+N)}
 * as {@code 128+N}; mproc tells them apart with what the child records in shared memory. Two
 * cases stay ambiguous: {@code Runtime.halt(128+N)} reads as {@code -N}, and a SIGKILL sent by
 * another process while the child runs its shutdown hooks reads as 137.
 *
 * <h2>Results and exceptions (better than Python)</h2>
 * {@link #result()} waits for the process and returns what a {@link SerializableCallable}
 * target returned, or throws an {@link ExecutionException} whose cause is the child's
 * exception, re-created as its own type when it can be deserialised here (behind an
 * {@link java.io.ObjectInputFilter}) and as a {@link RemoteException} carrying the remote class
 * name, message, frames and printed trace otherwise; or a {@link ProcessExitException} when the
 * JVM exited or was killed before the target finished. {@link #exception()} reads the
 * exception without throwing.
 *
 * <h2>Arguments</h2>
 * Arguments and captured values are serialised in {@link #start()}; one that cannot be fails
 * there, in the caller, with an {@link IllegalArgumentException} naming it (index and class).
 * mproc's shared objects ({@link io.mproc.memory.Region regions}, queues, locks, ...) travel
 * as handles and arrive as the same shared object.
 *
 * <h2>The process tree</h2>
 * A JVM that started processes, on exit: terminates its daemon children, then joins all
 * children (Python's rule). A child whose parent dies, even by SIGKILL, notices within
 * milliseconds (at worst a quarter of a second) and exits: no orphans. Children may start
 * children ({@code Process-1:1}); a daemon may not. {@link #current()}, {@link #parent()} and
 * {@link #activeChildren()} work in any JVM.
 *
 * <p>After {@link #close()} every method but {@link #name()}, {@link #daemon()} and
 * {@code close()} throws {@link IllegalStateException} ("process ... is closed"). Thread-safe.
 *
 * @param <V> the type of the target's result ({@link Void} for targets that return nothing)
 */
public final class JvmProcess<V> implements AutoCloseable {
    private enum State { NEW, STARTED, ENDED, CLOSED }

    private final String name;
    private final boolean daemon;
    private final LaunchSpec spec;
    private final LaunchSettings settings;
    private final StandbyJvms standbys;
    private final Set<Integer> signalsSent = ConcurrentHashMap.newKeySet();

    private State state = State.NEW;
    private Launcher.Launched launched;
    private int exitCode;
    private Outcome outcome;
    private Object result;
    private boolean resultRead;

    JvmProcess(String name, boolean daemon, LaunchSpec spec, LaunchSettings settings, StandbyJvms standbys) {
        this.name = name;
        this.daemon = daemon;
        this.spec = spec;
        this.settings = settings;
        this.standbys = standbys;
    }

    // ---- building ----

    /** A builder for a process that runs {@code target}. */
    public static JvmProcessBuilder<Void> run(SerializableRunnable target) {
        return JvmProcessBuilder.of(ProcessTarget.Kind.RUNNABLE, target);
    }

    /** A builder for a process that runs {@code target} with {@code argument}. */
    public static <A> JvmProcessBuilder<Void> run(SerializableConsumer<A> target, A argument) {
        return JvmProcessBuilder.of(ProcessTarget.Kind.CONSUMER, target, argument);
    }

    /** A builder for a process that runs {@code target} with two arguments. */
    public static <A, B> JvmProcessBuilder<Void> run(SerializableBiConsumer<A, B> target, A first, B second) {
        return JvmProcessBuilder.of(ProcessTarget.Kind.BI_CONSUMER, target, first, second);
    }

    /** A builder for a process that calls {@code target}; {@link #result()} returns its value. */
    public static <V> JvmProcessBuilder<V> call(SerializableCallable<V> target) {
        return JvmProcessBuilder.of(ProcessTarget.Kind.CALLABLE, target);
    }

    /** A builder for a process that calls {@code target} with {@code argument}. */
    public static <A, V> JvmProcessBuilder<V> call(SerializableFunction<A, V> target, A argument) {
        return JvmProcessBuilder.of(ProcessTarget.Kind.FUNCTION, target, argument);
    }

    /** A builder for a process that calls {@code target} with two arguments. */
    public static <A, B, V> JvmProcessBuilder<V> call(SerializableBiFunction<A, B, V> target, A first, B second) {
        return JvmProcessBuilder.of(ProcessTarget.Kind.BI_FUNCTION, target, first, second);
    }

    /**
     * A builder for a process that calls the static method {@code methodName} of {@code type}
     * with {@code args}; {@link #result()} returns its value ({@code null} for {@code void}).
     *
     * @throws IllegalArgumentException unless exactly one static method of that name accepts
     *                                  the arguments
     */
    public static JvmProcessBuilder<Object> method(Class<?> type, String methodName, Object... args) {
        return JvmProcessBuilder.ofMethod(type, methodName, args);
    }

    // ---- lifecycle ----

    /**
     * Starts the process: launches its JVM, or hands it to a standby JVM. Returns without
     * waiting for the target to begin.
     *
     * @throws IllegalStateException    if it was started before, is closed, or this process is a daemon
     * @throws IllegalArgumentException if an argument or captured value cannot be serialised
     */
    public JvmProcess<V> start() {
        synchronized (this) {
            requireNotClosed();
            if (state != State.NEW) {
                throw new IllegalStateException("process " + name + " was already started");
            }
            if (ProcessContext.daemon()) {
                throw new IllegalStateException("process " + name + ": daemonic processes are not allowed to have "
                    + "children (" + ProcessContext.name() + " is a daemon)");
            }
            byte[] bytes = SpecSerializer.serialize(spec);
            launched = standbys != null ? standbys.handOver(name, bytes, spec.target())
                : Launcher.launch(name, settings, bytes, List.of());
            state = State.STARTED;
        }
        Children.started(this);
        return this;
    }

    /**
     * Waits until the process has ended.
     *
     * @throws IllegalStateException if it was not started, or is closed
     */
    public void join() throws InterruptedException {
        started().waitFor();
        reapIfEnded();
    }

    /**
     * Waits at most {@code timeout} for the process to end; returns whether it did. Zero or a
     * negative timeout checks at once. (Python's {@code join(timeout)} returns nothing; check
     * {@code exitcode} there.)
     *
     * @throws IllegalStateException if it was not started, or is closed
     */
    public boolean join(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        Process process = started();
        boolean ended = timeout.isNegative() || timeout.isZero() ? !process.isAlive()
            : process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (ended) {
            reapIfEnded();
        }
        return ended;
    }

    /** Whether the process was started and has not ended yet. */
    public boolean isAlive() {
        Process process;
        synchronized (this) {
            requireNotClosed();
            if (state == State.NEW) {
                return false;
            }
            process = launched.process();
        }
        if (process.isAlive()) {
            return true;
        }
        reapIfEnded();
        return false;
    }

    /** The child JVM's pid; empty before {@link #start()}. */
    public synchronized OptionalLong pid() {
        requireNotClosed();
        return launched == null ? OptionalLong.empty() : OptionalLong.of(launched.process().pid());
    }

    /**
     * The exit code: empty before the process ended, then as described in the class
     * documentation (0, {@code n} for {@code System.exit(n)}, 1 for an exception, {@code -N}
     * for signal {@code N}).
     */
    public OptionalInt exitCode() {
        if (!isAlive() && reapIfEnded()) {
            synchronized (this) {
                return OptionalInt.of(exitCode);
            }
        }
        return OptionalInt.empty();
    }

    /** Sends SIGTERM; the exit code becomes -15. Does nothing once the process ended. */
    public void terminate() {
        signal(UnixSignal.TERM.number());
    }

    /** Sends SIGKILL; the exit code becomes -9. Does nothing once the process ended. */
    public void kill() {
        signal(UnixSignal.KILL.number());
    }

    /** Sends {@code signal}; does nothing once the process ended. */
    public void signal(UnixSignal signal) {
        signal(Objects.requireNonNull(signal, "signal").number());
    }

    /**
     * Sends signal number {@code signal} (FFM {@code kill(2)} for those other than SIGTERM and
     * SIGKILL); does nothing once the process ended.
     *
     * @throws IllegalArgumentException if {@code signal} is not 1 to 64
     * @throws IllegalStateException    if it was not started, or is closed
     */
    public void signal(int signal) {
        if (signal < 1 || signal > 64) {
            throw new IllegalArgumentException("process " + name + ": signal=" + signal + " (expected: 1 to 64)");
        }
        Process process = started();
        if (!process.isAlive()) {
            return;
        }
        signalsSent.add(signal);
        // Through the ProcessHandle, not Process.destroy(): that also closes the child's stdin,
        // which is its lifeline, and a child with a SIGTERM handler would take it for its
        // parent's death. The handle checks the start time, so a recycled pid is never hit.
        switch (signal) {
            case 15 -> process.toHandle().destroy();
            case 9 -> process.toHandle().destroyForcibly();
            default -> NativeKill.kill(process.pid(), signal);
        }
    }

    /**
     * The target's return value, once the process ended (waits for it).
     *
     * @throws ExecutionException    if the target threw (the cause is the child's exception, or a
     *                               {@link RemoteException}), or the process ended before the
     *                               target did (a {@link ProcessExitException}), or the value
     *                               cannot be read here
     * @throws IllegalStateException if it was not started, or is closed
     */
    @SuppressWarnings("unchecked")
    public V result() throws InterruptedException, ExecutionException {
        join();
        synchronized (this) {
            requireNotClosed();
            if (outcome == null) {
                throw new ExecutionException(new ProcessExitException(name, exitCode, describe(exitCode)));
            }
            if (!outcome.returned()) {
                throw new ExecutionException("process " + name + " failed", outcome.failure().recreate());
            }
            if (!resultRead) {
                try {
                    result = outcome.readValue();
                } catch (IOException | ClassNotFoundException | RuntimeException unreadable) {
                    throw new ExecutionException("process " + name + " returned a value that cannot be read here: "
                        + unreadable, unreadable);
                }
                resultRead = true;
            }
            return (V) result;
        }
    }

    /**
     * The exception the target threw, as {@link #result()} would throw it as the cause; empty
     * while the process runs, and when the target did not throw.
     */
    public Optional<Throwable> exception() {
        if (isAlive()) {
            return Optional.empty();
        }
        synchronized (this) {
            return outcome == null || outcome.returned() ? Optional.empty() : Optional.of(outcome.failure().recreate());
        }
    }

    /**
     * Releases what the process holds in this JVM. Idempotent; afterwards most methods throw.
     *
     * @throws IllegalStateException if the process is still running
     */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        if (state == State.STARTED && !reapIfEnded()) {
            throw new IllegalStateException("process " + name
                + " is still running (join, terminate or kill it before close())");
        }
        state = State.CLOSED;
        outcome = null;
        result = null;
    }

    /** The process's name: {@code Process-N}, {@code Process-1:N} in a child, or as built. */
    public String name() {
        return name;
    }

    /** Whether it is a daemon (terminated when its parent exits; may not start children). */
    public boolean daemon() {
        return daemon;
    }

    @Override
    public synchronized String toString() {
        StringBuilder text = new StringBuilder("JvmProcess[").append(name);
        switch (state) {
            case NEW -> text.append(", initial");
            case CLOSED -> text.append(", closed");
            case STARTED -> text.append(", pid ").append(launched.process().pid()).append(", started");
            case ENDED -> text.append(", pid ").append(launched.process().pid()).append(", exit ")
                .append(describe(exitCode));
        }
        return text.append(daemon ? ", daemon]" : "]").toString();
    }

    // ---- this JVM's place in the tree ----

    /** This process: {@code MainProcess} in a JVM the user started, else the child's own name. */
    public static ProcessInfo current() {
        return new ProcessInfo(ProcessContext.name(), ProcessIdentity.current(), ProcessContext.daemon());
    }

    /** The process that started this one; empty in a JVM the user started. */
    public static Optional<ProcessInfo> parent() {
        ProcessIdentity parent = ProcessContext.parent();
        return parent == null ? Optional.empty() : Optional.of(new ProcessInfo(ProcessContext.parentName(), parent, false));
    }

    /** The children of this JVM that are still running; reaps those that ended (as Python's does). */
    public static List<JvmProcess<?>> activeChildren() {
        List<JvmProcess<?>> active = new ArrayList<>();
        for (JvmProcess<?> child : Children.unreaped()) {
            if (child.isAlive()) {
                active.add(child);
            }
        }
        return active;
    }

    // ---- internals ----

    private synchronized Process started() {
        requireNotClosed();
        if (state == State.NEW) {
            throw new IllegalStateException("process " + name + " has not been started");
        }
        return launched.process();
    }

    private void requireNotClosed() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("process " + name + " is closed");
        }
    }

    /**
     * Once the JVM has exited: decodes the exit code, collects the outcome and removes the
     * process's regions. Returns whether the process has ended (and is reaped).
     */
    private synchronized boolean reapIfEnded() {
        if (state == State.ENDED || state == State.CLOSED) {
            return true;
        }
        if (state == State.NEW || launched.process().isAlive()) {
            return false;
        }
        Launcher.Ended ended = launched.reap(signalsSent);
        exitCode = ended.exitCode();
        outcome = ended.outcome();
        state = State.ENDED;
        Children.reaped(this);
        return true;
    }

    /** "0", "-9 (SIGKILL)". */
    static String describe(int exitCode) {
        return exitCode < 0 ? exitCode + " (" + UnixSignal.nameOf(-exitCode) + ")" : Integer.toString(exitCode);
    }

}
