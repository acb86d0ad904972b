package io.mproc.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process as other processes can recognise it later: its pid and the time it started.
 *
 * <p>A pid alone is not an identity: the kernel reuses pids, so a process that died while
 * holding something in shared memory may have "come back" as an unrelated process by the time
 * anyone checks. Pairing the pid with its start time makes the check exact: a process is the
 * one recorded only if a process with that pid exists <em>and</em> started at the recorded time.
 *
 * <p>On Linux the start time is read from {@code /proc/<pid>/stat} (field 22, clock ticks since
 * boot); elsewhere {@link ProcessHandle} supplies it in milliseconds. Either way the value is
 * only ever compared with another value taken on the same machine by the same method.
 *
 * @param pid       the operating-system process id
 * @param startTime when the process started, in an opaque machine-local unit; never 0 for a
 *                  real process ({@link #UNKNOWN_START} marks "could not be read")
 */
public record ProcessIdentity(int pid, long startTime) {

    /** Start time recorded when it could not be read; liveness then falls back to the pid. */
    public static final long UNKNOWN_START = 0;

    private static final Path PROC = Path.of("/proc");

    /**
     * Looked at on first use, not when the first identity is made: a new JVM often makes one
     * (its parent's) long before it needs to read {@code /proc}, and reading it costs
     * milliseconds that early.
     */
    private static final class Procfs {
        static final boolean AVAILABLE = Files.isReadable(PROC.resolve("self/stat"));
        static final ProcessIdentity CURRENT = of((int) ProcessHandle.current().pid())
            .orElseThrow(() -> new IllegalStateException("cannot read this process's own start time"));
    }

    /** The identity of the calling process. */
    public static ProcessIdentity current() {
        return Procfs.CURRENT;
    }

    /** The identity of a running process, or empty when no process has that pid. */
    public static Optional<ProcessIdentity> of(int pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        if (Procfs.AVAILABLE) {
            ProcStat stat = ProcStat.read(pid);
            return stat == null || stat.zombie()
                ? Optional.empty()
                : Optional.of(new ProcessIdentity(pid, stat.startTicks()));
        }
        return ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .map(handle -> new ProcessIdentity(pid,
                handle.info().startInstant().map(Instant::toEpochMilli).orElse(UNKNOWN_START)));
    }

    /**
     * Whether the process identified by {@code pid} and {@code startTime} still runs. A zombie
     * (exited, not yet reaped by its parent) counts as dead: it can no longer touch memory.
     * When {@code startTime} is {@link #UNKNOWN_START} only the pid is checked.
     */
    public static boolean isAlive(int pid, long startTime) {
        return of(pid)
            .map(found -> startTime == UNKNOWN_START || found.startTime == startTime)
            .orElse(false);
    }

    /** Whether this process still runs (same pid, same start time). */
    public boolean isAlive() {
        return isAlive(pid, startTime);
    }

    /**
     * A 32-bit digest of the start time, for places in shared memory that have room for only an
     * {@code int} beside the pid. Two processes with the same pid differ here unless they started
     * a multiple of 2<sup>32</sup> clock ticks apart (over a year).
     */
    public int startToken() {
        return (int) startTime;
    }

    /** Whether {@code pid} is alive and its start time's {@link #startToken()} is {@code token}. */
    public static boolean isAliveByToken(int pid, int token) {
        // A process whose start time cannot be read (another user's, under hidepid) exists:
        // without a start time to compare, it must count as alive, never as dead.
        return of(pid)
            .map(found -> found.startTime == UNKNOWN_START || found.startToken() == token)
            .orElse(false);
    }

    /** The fields of /proc/[pid]/stat that identify a process. */
    private record ProcStat(boolean zombie, long startTicks) {
        static ProcStat read(int pid) {
            String text;
            try {
                text = Files.readString(PROC.resolve(Integer.toString(pid)).resolve("stat"),
                    StandardCharsets.US_ASCII);
            } catch (NoSuchFileException gone) {
                return null;
            } catch (IOException unreadable) {
                // Exists but unreadable (another user's process under hidepid): alive, start unknown.
                return Files.exists(PROC.resolve(Integer.toString(pid)))
                    ? new ProcStat(false, UNKNOWN_START) : null;
            }
            // The command name (field 2) is in parentheses and may itself contain spaces or ')'.
            int afterName = text.lastIndexOf(')');
            String[] fields = text.substring(afterName + 2).split(" ");
            char state = fields[0].charAt(0);
            // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
            long start = Long.parseLong(fields[19]);
            return new ProcStat(state == 'Z' || state == 'X', start == 0 ? 1 : start);
        }
    }
}
