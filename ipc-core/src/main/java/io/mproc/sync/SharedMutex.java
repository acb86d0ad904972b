package io.mproc.sync;

import io.mproc.memory.OrderedAccess;
import io.mproc.sync.RegionBinding.Mode;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitStrategy;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * What {@link SharedLock} and {@link SharedRLock} share: a {@link Lock} over a
 * {@link RobustMutex} in a region of its own. See the two classes for their contracts.
 */
public abstract sealed class SharedMutex implements Lock, Serializable, AutoCloseable
    permits SharedLock, SharedRLock {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient RegionBinding binding;
    private final transient RobustMutex mutex;

    SharedMutex(RegionBinding binding) {
        this.binding = binding;
        this.mutex = new RobustMutex(binding.body(), (LockLayout.isReentrant(binding.body()) ? "rlock " : "lock ")
            + binding.name());
    }

    /** Creates, attaches or creates-or-attaches the region of a lock ({@code reentrant} for a new one). */
    static RegionBinding bind(RegionNamespace namespace, String name, boolean reentrant, Mode mode) {
        return RegionBinding.bind(namespace, name, LockLayout.KIND, LockLayout.BODY_SIZE,
            body -> LockLayout.initialize(body, reentrant), mode).checked(body -> {
                if (LockLayout.isReentrant(body) != reentrant) {
                    throw new IllegalArgumentException(reentrant
                        ? "lock " + name + " is not reentrant (attach it with SharedLock)"
                        : "lock " + name + " is reentrant (attach it with SharedRLock)");
                }
            });
    }

    /** Attaches to the lock {@code name}, as a {@link SharedRLock} or {@link SharedLock} as it was created. */
    static SharedMutex attachEither(RegionNamespace namespace, String name) {
        Region region = namespace.attach(name, LockLayout.KIND);
        RegionBinding binding = RegionBinding.of(namespace, region);
        return LockLayout.isReentrant(region.body()) ? new SharedRLock(binding) : new SharedLock(binding);
    }

    RobustMutex mutex() {
        return mutex;
    }

    RegionBinding binding() {
        return binding;
    }

    /** The lock's name in its namespace. */
    public String name() {
        return binding.name();
    }

    /**
     * Waits until the lock is free (or its owner's process has died), then takes it.
     * Not interruptible; an interrupt received while waiting is kept in the thread's flag.
     */
    @Override
    public void lock() {
        binding.requireOpen("lock");
        try {
            mutex.acquire(WaitStrategy.FOREVER, false);
        } catch (InterruptedException impossible) {
            throw new AssertionError("an uninterruptible acquire threw", impossible);
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        binding.requireOpen("lock");
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before locking " + mutex.description());
        }
        mutex.acquire(WaitStrategy.FOREVER, true);
    }

    /**
     * Takes the lock if it is free, or if its owner's process has died (a failed attempt may
     * read {@code /proc} to find out, at most once a millisecond per owner). Never waits.
     * Python's {@code acquire(False)}.
     */
    @Override
    public boolean tryLock() {
        binding.requireOpen("lock");
        return mutex.tryAcquire();
    }

    /** Python's {@code acquire(True, timeout)}: false once the timeout has passed without the lock. */
    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        binding.requireOpen("lock");
        Objects.requireNonNull(unit, "unit");
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before locking " + mutex.description());
        }
        return mutex.acquire(Waiting.deadlineAfter(time, unit), true);
    }

    /**
     * Releases the lock (one hold of an RLock).
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold it. Python lets
     *         any thread or process release a {@code multiprocessing.Lock}; mproc follows
     *         {@link java.util.concurrent.locks.ReentrantLock}, since a lock whose owner is
     *         known is what makes owner-death recovery possible.
     */
    @Override
    public void unlock() {
        binding.requireOpen("lock");
        mutex.release();
    }

    /**
     * A new {@link SharedCondition} bound to this lock, in a region of its own named
     * {@code <lock name>.cond<n>} in the namespace this lock was created or attached through
     * (and owned by that namespace). Pass it to other processes as it is (it is serialisable),
     * or make a named one with {@link SharedCondition#create}.
     */
    @Override
    public SharedCondition newCondition() {
        binding.requireOpen("lock");
        // Read-modify-write: every process draws distinct numbers.
        int number = OrderedAccess.getAndAddInt(binding.body(), LockLayout.NEXT_CONDITION_OFFSET, 1);
        return SharedCondition.create(binding.namespace(), name() + ".cond" + number, this);
    }

    /** Whether any thread of any process holds the lock (a snapshot). */
    public boolean isLocked() {
        return mutex.owner() != 0;
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return mutex.isHeldByCurrentThread();
    }

    /**
     * Whether the calling thread got this lock by taking it over from a process that died while
     * holding it (pthread's {@code EOWNERDEAD}). The data the lock protects may be half-updated:
     * check or repair it before unlocking. True until the lock is fully unlocked.
     *
     * <p>Why a query rather than an exception from {@code lock()}: {@link Lock#lock()} returns
     * only once the lock is held, and the {@code lock(); try { ... } finally { unlock(); }}
     * idiom relies on that; an exception thrown with the lock held would leave it locked for
     * good. Callers that care ask; the others carry on as with any lock.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public boolean previousOwnerDied() {
        binding.requireOpen("lock");
        return mutex.previousOwnerDied();
    }

    /**
     * The pid of the process that died holding this lock before the calling thread took it
     * over, or 0 if {@link #previousOwnerDied()} is false.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public int deadPreviousOwnerPid() {
        binding.requireOpen("lock");
        return mutex.deadPreviousOwner();
    }

    /** How many times, over the lock's life, a waiter took it over from a dead owner. */
    public long ownerDeaths() {
        return mutex.ownerDeaths();
    }

    /** How this handle waits: {@link WaitStrategy#defaultStrategy()} unless set. */
    public WaitStrategy waitStrategy() {
        return mutex.strategy();
    }

    /**
     * Sets how this handle's threads wait for the lock, e.g. {@link WaitStrategy#busySpin()}
     * for the lowest hand-off latency. Local to this handle; does not travel with it.
     */
    public void setWaitStrategy(WaitStrategy strategy) {
        mutex.strategy(Objects.requireNonNull(strategy, "strategy"));
    }

    /** Unmaps the lock in this process (the region stays for the others). Idempotent. */
    @Override
    public void close() {
        binding.close();
    }

    /** The serialised form: the handle, which attaches in the receiving JVM. */
    @Serial
    Object writeReplace() {
        binding.requireOpen("lock");
        return handle();
    }

    abstract Serializable handle();

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a shared lock travels only as its handle");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + ", "
            + (binding.isOpen() ? mutex.ownerDescription() : "closed") + "]";
    }
}
