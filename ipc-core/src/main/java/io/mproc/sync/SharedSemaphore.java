package io.mproc.sync;

import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding.Mode;
import io.mproc.wait.WaitPoint;
import io.mproc.wait.WaitStrategy;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code multiprocessing.Semaphore} and {@code BoundedSemaphore}, shaped like
 * {@link java.util.concurrent.Semaphore}: a count of permits shared by threads of any number of
 * processes. {@link #acquire()} takes one, waiting while there is none; {@link #release()} gives
 * one back (any thread may release, as in Java and Python). Not fair: a thread arriving as
 * permits come back may take them before a sleeper.
 *
 * <p><b>Bounded</b> ({@link #createBounded}): a release that would raise the count above the
 * initial permits throws {@link IllegalStateException} and changes nothing (Python raises
 * {@code ValueError}).
 *
 * <p><b>Permits of dead processes come back.</b> The semaphore keeps a ledger of how many
 * permits each process holds (acquired and not yet released by the same process). When a
 * process dies, by SIGKILL or by exiting without releasing, the permits it held return to the
 * count: waiters look for dead processes at least every 100 ms, and so does a failed
 * {@link #tryAcquire()} (at most every 100 ms per handle). For a bounded semaphore the count
 * never goes above the bound. A semaphore used as a signal (one process releases, another
 * acquires and never releases) counts the acquirer as holding the permit: if the acquirer dies,
 * the signal it had consumed comes back. The ledger has a slot per process (default 64);
 * a process beyond that fails with {@link IllegalStateException}.
 *
 * <p>A process killed in the middle of an acquire or release leaves either no change or one
 * the next user completes (see {@link SemaphoreLayout}): no permit is ever lost or doubled.
 * Serialisable as a {@link Handle}. Thread-safe.
 */
public final class SharedSemaphore implements Serializable, AutoCloseable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient RegionBinding binding;
    private final transient PermitLedger ledger;
    private final transient WaitPoint point;
    private transient volatile WaitStrategy strategy = WaitStrategy.defaultStrategy();
    private transient volatile long lastRescue;
    private transient volatile int slot = -1;

    private SharedSemaphore(RegionBinding binding) {
        this.binding = binding;
        this.ledger = new PermitLedger(binding.body(), "semaphore " + binding.name());
        this.point = new WaitPoint(binding.body(), SemaphoreLayout.WAIT_POINT_OFFSET);
        this.lastRescue = System.nanoTime() - Waiting.LIVENESS_SLICE_NANOS;
    }

    private static SharedSemaphore bind(RegionNamespace namespace, String name, int permits, boolean bounded, Mode mode) {
        SemaphoreLayout.checkArguments(permits, SemaphoreLayout.DEFAULT_SLOTS);
        int slots = SemaphoreLayout.DEFAULT_SLOTS;
        return new SharedSemaphore(RegionBinding.bind(namespace, name, SemaphoreLayout.KIND,
            SemaphoreLayout.bodySize(slots), body -> SemaphoreLayout.initialize(body, permits, bounded, slots), mode));
    }

    /** Creates the semaphore {@code name} with {@code permits} permits (Python's {@code Semaphore(value)}). */
    public static SharedSemaphore create(RegionNamespace namespace, String name, int permits) {
        return bind(namespace, name, permits, false, Mode.CREATE);
    }

    /** Creates a bounded semaphore: releases may never raise the count above {@code permits}. */
    public static SharedSemaphore createBounded(RegionNamespace namespace, String name, int permits) {
        return bind(namespace, name, permits, true, Mode.CREATE);
    }

    /** Attaches to the existing semaphore {@code name} (bounded or not, as it was created). */
    public static SharedSemaphore attach(RegionNamespace namespace, String name) {
        return bind(namespace, name, 0, false, Mode.ATTACH);
    }

    /** Attaches to the semaphore {@code name}, creating it (unbounded, with {@code permits}) if it is missing. */
    public static SharedSemaphore createOrAttach(RegionNamespace namespace, String name, int permits) {
        return bind(namespace, name, permits, false, Mode.CREATE_OR_ATTACH);
    }

    /** The object's name in its namespace. */
    public String name() {
        return binding.name();
    }

    /** Takes a permit, waiting as long as it takes. */
    public void acquire() throws InterruptedException {
        acquire(1);
    }

    /** Takes {@code permits} permits at once, waiting as long as it takes. */
    public void acquire(int permits) throws InterruptedException {
        take(permits, WaitStrategy.FOREVER);
    }

    /** Takes a permit if one is available now (Python's {@code acquire(False)}). */
    public boolean tryAcquire() {
        return tryAcquire(1);
    }

    /** Takes {@code permits} permits if that many are available now. */
    public boolean tryAcquire(int permits) {
        checkPermits(permits);
        binding.requireOpen("semaphore");
        int mine = slot();
        return ledger.tryTake(mine, permits) || (rescueIfDue() && ledger.tryTake(mine, permits));
    }

    /** Python's {@code acquire(True, timeout)}: false once the timeout passed without a permit. */
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return tryAcquire(1, timeout, unit);
    }

    /** Takes {@code permits} permits, waiting at most {@code timeout}. */
    public boolean tryAcquire(int permits, long timeout, TimeUnit unit) throws InterruptedException {
        return take(permits, Waiting.deadlineAfter(timeout, Objects.requireNonNull(unit, "unit")));
    }

    /** Gives back a permit. */
    public void release() {
        release(1);
    }

    /**
     * Gives back {@code permits} permits and wakes waiters.
     *
     * @throws IllegalStateException if this is a bounded semaphore and the count would exceed its bound
     */
    public void release(int permits) {
        checkPermits(permits);
        binding.requireOpen("semaphore");
        ledger.give(slot(), permits);
        point.signalAll();
    }

    /** The permits available now (Python's {@code get_value()}). */
    public int availablePermits() {
        binding.requireOpen("semaphore");
        return ledger.available();
    }

    /** The permits the semaphore was created with (the bound, if bounded). */
    public int initialPermits() {
        return ledger.initial();
    }

    /** Whether releases above the initial permits are refused. */
    public boolean isBounded() {
        return ledger.bounded();
    }

    /** The permits this process holds by the ledger (acquired and not yet released by it). */
    public int heldByThisProcess() {
        binding.requireOpen("semaphore");
        return ledger.held(slot());
    }

    /** How many permits, over the semaphore's life, came back from processes that died holding them. */
    public long recoveredPermits() {
        return ledger.recovered();
    }

    /** Sets how this handle's threads wait for permits; local to this handle. */
    public void setWaitStrategy(WaitStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /**
     * Unmaps the semaphore in this process. Permits this process holds stay held by it until
     * it releases them through another handle or exits. Idempotent.
     */
    @Override
    public void close() {
        binding.close();
    }

    private boolean take(int permits, long deadline) throws InterruptedException {
        checkPermits(permits);
        binding.requireOpen("semaphore");
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before acquiring from semaphore " + name());
        }
        int mine = slot();
        while (true) {
            if (ledger.tryTake(mine, permits)) {
                return true;
            }
            if (rescueIfDue()) {
                continue;
            }
            if (Waiting.remaining(deadline) <= 0) {
                return false;
            }
            Waiting.awaitSlice(strategy, point, () -> ledger.available() >= permits, deadline);
        }
    }

    /** Returns dead processes' permits if the last look was a slice ago; true if any came back. */
    private boolean rescueIfDue() {
        long now = System.nanoTime();
        if (now - lastRescue < Waiting.LIVENESS_SLICE_NANOS) {
            return false;
        }
        lastRescue = now;
        if (ledger.rescueDead() == 0) {
            return false;
        }
        point.signalAll();
        return true;
    }

    private int slot() {
        int mine = slot;
        if (mine < 0) {
            mine = ledger.slotOfThisProcess();
            slot = mine;
        }
        return mine;
    }

    private void checkPermits(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("semaphore " + name() + ": permits=" + permits + " (expected: >= 1)");
        }
    }

    @Serial
    private Object writeReplace() {
        binding.requireOpen("semaphore");
        return new Handle(binding.root(), binding.namespaceName(), name());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a shared semaphore travels only as its handle");
    }

    @Override
    public String toString() {
        return "SharedSemaphore[" + name() + (binding.isOpen() ? ", " + ledger.available() + " of "
            + ledger.initial() + (ledger.bounded() ? " (bounded)" : "") : ", closed") + "]";
    }

    /** A semaphore in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}
