package io.mproc.sync;

import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitPoint;
import io.mproc.wait.WaitStrategy;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;

/**
 * Python's {@code multiprocessing.Condition} as a {@link Condition} of a {@link SharedLock} or
 * {@link SharedRLock}, shared by threads of any number of processes.
 *
 * <p>Waiting needs the lock ({@link IllegalMonitorStateException} otherwise, in Java and
 * Python alike); so does signalling (Python raises {@code RuntimeError}; Java's own conditions
 * throw {@code IllegalMonitorStateException}, and so does this one). A wait releases every hold
 * of the lock and takes them all back before it returns or throws, even on interrupt.
 *
 * <p><b>Exact signals.</b> Each waiter has a slot of its own with its own futex word
 * ({@link ConditionLayout}). {@link #signal()} picks the longest-waiting thread, marks its slot
 * and wakes that thread only; {@link #signal(int) signal(n)} does so for n threads, and
 * {@link #signalAll()} for all that wait when it is called. A signal that meets a waiter just
 * as it times out or is interrupted is never lost: the waiter counts it as received
 * ({@link #await(long, TimeUnit)} returns true, an interrupt is kept in the thread's flag).
 * Spurious wake-ups do not happen, except the one a dead waiter's signal can cause (below).
 *
 * <p><b>Waiters that die.</b> A process killed while waiting leaves its slot behind; a signal
 * may pick it. Live waiters look for such slots at least every 100 ms: they free them and pass
 * a signal the dead waiter got on to the longest-waiting live thread (which may have started
 * waiting after the signal). So a dead waiter delays a signal by up to 100 ms; it never
 * swallows it. A process killed in the few instructions between claiming a slot and publishing
 * itself in it leaves that one slot unusable (capacity one lower); nothing else is affected.
 *
 * <p>At most {@code capacity} threads (default {@value ConditionLayout#DEFAULT_CAPACITY}) may
 * wait at once; one more fails with {@link IllegalStateException}. Serialisable as a
 * {@link Handle}; the receiving JVM attaches the condition and its lock. Thread-safe.
 */
public final class SharedCondition implements Condition, Serializable, AutoCloseable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient RegionBinding binding;
    private final transient ConditionSlots slots;
    private final transient SharedMutex lock;
    private final transient boolean ownsLock;
    private transient volatile WaitStrategy strategy = WaitStrategy.defaultStrategy();

    private SharedCondition(RegionBinding binding, SharedMutex lock, boolean ownsLock) {
        this.binding = binding;
        this.lock = lock;
        this.ownsLock = ownsLock;
        String description = "condition " + binding.name();
        this.slots = new ConditionSlots(binding.body(), ConditionLayout.capacity(binding.body(), description),
            description);
    }

    /** Creates the condition {@code name} of {@code lock}, for up to 64 threads waiting at once. */
    public static SharedCondition create(RegionNamespace namespace, String name, SharedMutex lock) {
        return create(namespace, name, lock, ConditionLayout.DEFAULT_CAPACITY);
    }

    /**
     * Creates the condition {@code name} of {@code lock}, in the lock's namespace.
     *
     * @param capacity how many threads (of all processes) may wait at once, 1 to 65536
     * @throws IllegalArgumentException if the lock lives in another namespace, or capacity is out of range
     */
    public static SharedCondition create(RegionNamespace namespace, String name, SharedMutex lock, int capacity) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(lock, "lock");
        ConditionLayout.checkCapacity(capacity);
        if (!lock.binding().namespace().directory().equals(namespace.directory())) {
            throw new IllegalArgumentException("condition " + name + ": its lock " + lock.name()
                + " lives in namespace " + lock.binding().namespace().directory() + " (expected: "
                + namespace.directory() + ")");
        }
        Region region = namespace.create(name, ConditionLayout.KIND, ConditionLayout.bodySize(capacity),
            body -> ConditionLayout.initialize(body, capacity, lock.name()));
        return new SharedCondition(RegionBinding.of(namespace, region), lock, false);
    }

    /**
     * Attaches to the condition {@code name}, and to its lock (which {@link #close()} then closes too).
     *
     * @throws io.mproc.memory.RegionNotFoundException if the condition or its lock is missing
     */
    public static SharedCondition attach(RegionNamespace namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        Region region = namespace.attach(name, ConditionLayout.KIND);
        try {
            SharedMutex lock = SharedMutex.attachEither(namespace, ConditionLayout.lockName(region.body()));
            return new SharedCondition(RegionBinding.of(namespace, region), lock, true);
        } catch (RuntimeException failed) {
            region.close();
            throw failed;
        }
    }

    /** The condition's name in its namespace. */
    public String name() {
        return binding.name();
    }

    /** The lock that must be held to wait or signal. */
    public SharedMutex lock() {
        return lock;
    }

    @Override
    public void await() throws InterruptedException {
        awaitSignal(WaitStrategy.FOREVER, true);
    }

    @Override
    public void awaitUninterruptibly() {
        try {
            awaitSignal(WaitStrategy.FOREVER, false);
        } catch (InterruptedException impossible) {
            throw new AssertionError("an uninterruptible wait threw", impossible);
        }
    }

    /**
     * Returns an estimate of the nanoseconds left: positive if signalled (at least 1, even when
     * the signal came as the time ran out), zero or negative on timeout.
     */
    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        long deadline = Waiting.deadlineAfterNanos(nanosTimeout);
        boolean signalled = awaitSignal(deadline, true);
        long left = Waiting.remaining(deadline);
        return signalled ? Math.max(1, left) : Math.min(0, left);
    }

    /** Python's {@code wait(timeout)}: true if signalled, false if the time ran out. */
    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return awaitSignal(Waiting.deadlineAfter(time, Objects.requireNonNull(unit, "unit")), true);
    }

    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        long millis = Objects.requireNonNull(deadline, "deadline").getTime() - System.currentTimeMillis();
        return awaitSignal(Waiting.deadlineAfter(millis, TimeUnit.MILLISECONDS), true);
    }

    /**
     * Python's {@code wait_for(predicate, timeout)}: waits, re-checking {@code predicate} after
     * every wake-up, until it is true or {@code timeout} (null: no limit) has passed. Returns
     * the predicate's last value. The lock must be held; it is held again on return.
     */
    public boolean waitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        binding.requireOpen("condition");
        lock.mutex().requireHeld("wait on " + describe());
        long deadline = timeout == null ? WaitStrategy.FOREVER : WaitStrategy.deadlineAfter(timeout);
        boolean result = predicate.getAsBoolean();
        while (!result && Waiting.remaining(deadline) > 0) {
            awaitSignal(deadline, true);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /** Wakes the longest-waiting thread, if any. The lock must be held. */
    @Override
    public void signal() {
        signal(1);
    }

    /** Wakes every thread waiting now. The lock must be held. */
    @Override
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /**
     * Wakes the {@code n} longest-waiting threads (fewer if fewer wait) and returns how many it
     * woke. The lock must be held.
     */
    public int signal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(describe() + ": signal count=" + n + " (expected: >= 0)");
        }
        binding.requireOpen("condition");
        lock.mutex().requireHeld("signal " + describe());
        int woken = 0;
        while (woken < n && slots.signalOldest()) {
            woken++;
        }
        return woken;
    }

    /** Python's {@code notify(n)}: the same as {@link #signal(int)}. */
    public int notify(int n) {
        return signal(n);
    }

    /** How many threads of all processes wait now (a snapshot). */
    public int waiting() {
        binding.requireOpen("condition");
        return slots.waiting();
    }

    /** Sets how this handle's threads wait for a signal; local to this handle. */
    public void setWaitStrategy(WaitStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** Unmaps the condition in this process, and its lock if {@link #attach} attached it. Idempotent. */
    @Override
    public void close() {
        binding.close();
        if (ownsLock) {
            lock.close();
        }
    }

    /** Claims a slot, releases the lock, waits, takes the lock back; true if signalled. */
    private boolean awaitSignal(long deadline, boolean interruptible) throws InterruptedException {
        binding.requireOpen("condition");
        RobustMutex mutex = lock.mutex();
        mutex.requireHeld("wait on " + describe());
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting on " + describe());
        }
        long claim = slots.claim();
        int index = (int) (claim >>> 32);
        int waitingWord = (int) claim;
        int holds = mutex.releaseAll();
        boolean signalled = false;
        boolean interrupted = false;
        try {
            WaitPoint point = slots.point(index);
            while (true) {
                try {
                    // Acquire (in state): the only change a live waiter's slot sees is a signal.
                    if (Waiting.awaitSlice(strategy, point, () -> slots.state(index) != waitingWord, deadline)) {
                        signalled = true;
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (interruptible) {
                        break;
                    }
                }
                if (Waiting.remaining(deadline) <= 0) {
                    break;
                }
                slots.rescueDead();
            }
            if (!signalled) {
                signalled = !slots.cancel(index, waitingWord);
            }
            if (signalled) {
                slots.release(index, slots.state(index));
            }
        } finally {
            mutex.reacquire(holds);
        }
        if (interrupted) {
            if (interruptible && !signalled) {
                throw new InterruptedException("interrupted while waiting on " + describe());
            }
            Thread.currentThread().interrupt();
        }
        return signalled;
    }

    private String describe() {
        return "condition " + binding.name();
    }

    @Serial
    private Object writeReplace() {
        binding.requireOpen("condition");
        return new Handle(binding.root(), binding.namespaceName(), name());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a shared condition travels only as its handle");
    }

    @Override
    public String toString() {
        return "SharedCondition[" + name() + " of " + lock.name() + (binding.isOpen() ? "" : ", closed") + "]";
    }

    /** A condition in transit: {@code readResolve} attaches to it (and its lock) in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}
