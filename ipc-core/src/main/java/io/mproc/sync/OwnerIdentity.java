package io.mproc.sync;

import io.mproc.memory.ProcessIdentity;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who holds something in shared memory, packed into the words the sync objects store: this
 * process (pid, start token) and this thread (a small number, unique in this JVM).
 *
 * <p>A thread number is taken the first time a thread uses a shared lock or condition and is
 * never reused in this JVM (2<sup>32</sup> of them). Java thread ids are not used because they
 * are longs and the owner word has room for 32 bits beside the pid.
 */
final class OwnerIdentity {
    private OwnerIdentity() {
    }

    private static final AtomicInteger NEXT_THREAD_NUMBER = new AtomicInteger();
    private static final ThreadLocal<Integer> THREAD_NUMBER =
        ThreadLocal.withInitial(() -> NEXT_THREAD_NUMBER.incrementAndGet());

    static final int PID = ProcessIdentity.current().pid();
    static final int TOKEN = ProcessIdentity.current().startToken();

    /** The calling thread's number in this JVM (never 0). */
    static int threadNumber() {
        return THREAD_NUMBER.get();
    }

    /** A thread owner word: pid in the high half, thread number in the low half; never 0. */
    static long threadOwner() {
        return ownerWord(PID, threadNumber());
    }

    /** A process word: pid in the high half, start token in the low half; never 0. */
    static long processWord() {
        return ownerWord(PID, TOKEN);
    }

    static long ownerWord(int pid, int low) {
        return ((long) pid << 32) | (low & 0xFFFF_FFFFL);
    }

    static int pid(long word) {
        return (int) (word >>> 32);
    }

    static int low(long word) {
        return (int) word;
    }

    /**
     * Whether the process {@code pid} with start token {@code token} is provably gone: no such
     * pid, or a pid whose start token differs (the pid was reused). Token 0 means "not recorded
     * yet": then only the pid is checked. This process is never dead.
     */
    static boolean isDead(int pid, int token) {
        if (pid == PID) {
            return false;
        }
        return token == 0 ? ProcessIdentity.of(pid).isEmpty() : !ProcessIdentity.isAliveByToken(pid, token);
    }

    /** {@link #isDead(int, int)} for a process word. */
    static boolean isDeadProcess(long processWord) {
        return isDead(pid(processWord), low(processWord));
    }
}
