package io.mproc.sync;

import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding.Mode;
import java.io.Serial;
import java.io.Serializable;

/**
 * Python's {@code multiprocessing.Lock} as a {@link java.util.concurrent.locks.Lock} that
 * threads of any number of processes share: a named region in a {@link RegionNamespace}.
 *
 * <p><b>Owner.</b> The lock is held by one thread of one process; only that thread may unlock
 * it ({@link IllegalMonitorStateException} otherwise; Python lets anyone release). It is not
 * reentrant: {@link #lock()} by the holder throws {@link IllegalStateException} rather than
 * hang, {@link #tryLock()} returns false and {@link #tryLock(long, java.util.concurrent.TimeUnit)}
 * waits out its timeout, as Python's {@code acquire} would. Use {@link SharedRLock} to lock again.
 *
 * <p><b>Speed.</b> An uncontended lock or unlock is one compare-and-set or one store on a cache
 * line of the region (plus a load to see that nobody sleeps). Contended waiters spin briefly,
 * then sleep on a futex ({@link #setWaitStrategy}: {@link io.mproc.wait.WaitStrategy#busySpin()}
 * never sleeps).
 *
 * <p><b>A process killed while holding the lock</b> (Python: the lock stays locked forever)
 * does not wedge it: waiters check the owner's process (pid and start time, so a reused pid is
 * not mistaken for it) at least every 100 ms, and the next one to notice takes the lock over.
 * Its {@code lock()} returns as usual, and {@link #previousOwnerDied()} tells it that the data
 * the lock protects may be half-updated. A thread that ends without unlocking in a process
 * that keeps running is not detected.
 *
 * <p>Serialisable as a {@link Handle} that attaches in the receiving JVM, so a lock can be a
 * process argument or a queued element. Thread-safe.
 */
public final class SharedLock extends SharedMutex {
    @Serial
    private static final long serialVersionUID = 1L;

    SharedLock(RegionBinding binding) {
        super(binding);
    }

    /**
     * Creates the lock {@code name} in {@code namespace}, unlocked.
     *
     * @throws io.mproc.memory.RegionExistsException if a region of that name exists
     */
    public static SharedLock create(RegionNamespace namespace, String name) {
        return new SharedLock(bind(namespace, name, false, Mode.CREATE));
    }

    /**
     * Attaches to the existing lock {@code name}.
     *
     * @throws io.mproc.memory.RegionNotFoundException if there is none
     * @throws IllegalArgumentException if {@code name} is a {@link SharedRLock}
     */
    public static SharedLock attach(RegionNamespace namespace, String name) {
        return new SharedLock(bind(namespace, name, false, Mode.ATTACH));
    }

    /** Attaches to the lock {@code name}, creating it if it does not exist (safe to race). */
    public static SharedLock createOrAttach(RegionNamespace namespace, String name) {
        return new SharedLock(bind(namespace, name, false, Mode.CREATE_OR_ATTACH));
    }

    @Override
    Serializable handle() {
        return new Handle(binding().root(), binding().namespaceName(), name());
    }

    /**
     * A lock in transit: {@code readResolve} attaches to it in the receiving JVM.
     *
     * @param root      the namespace's root directory
     * @param namespace the namespace's name
     * @param name      the lock's name
     */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}
