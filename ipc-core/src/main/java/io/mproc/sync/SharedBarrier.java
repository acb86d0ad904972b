package io.mproc.sync;

import io.mproc.memory.RegionNamespace;
import io.mproc.sync.BarrierCycle.Outcome;
import io.mproc.sync.RegionBinding.Mode;
import io.mproc.wait.WaitStrategy;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Python's {@code multiprocessing.Barrier}, shaped like {@link java.util.concurrent.CyclicBarrier}:
 * {@code parties} threads, of any processes, wait for each other; when the last arrives the
 * optional action runs once (in that thread), and all go on. Reusable, cycle after cycle.
 *
 * <p><b>Index.</b> {@link #await()} returns the thread's arrival index, unique in its cycle:
 * 0 for the first to arrive up to {@code parties - 1} for the last (Python's order;
 * {@code CyclicBarrier} counts the other way).
 *
 * <p><b>Breaking.</b> {@link #abort()}, a wait that times out, an interrupted waiter, an action
 * that throws, {@link #reset()} while threads wait, and a party whose process dies while it
 * waits all break the current cycle: every thread waiting in it, and every later arrival until
 * {@link #reset()}, gets {@link BrokenBarrierException} (Python: {@code BrokenBarrierError}).
 * The thread whose wait timed out gets {@link TimeoutException} instead, as in Java (Python
 * raises {@code BrokenBarrierError} there too). After {@code reset()} the barrier is whole
 * again.
 *
 * <p><b>Dead parties.</b> Waiters check at least every 100 ms for a process that was in their
 * cycle and died (SIGKILL, or exit); they then break the cycle instead of waiting forever. A
 * process that dies before it arrives was never known to be a party: waits for it end only by
 * their timeout.
 *
 * <p><b>The action</b> is a {@link Runnable} of this handle, not shared: the thread that
 * completes a cycle runs the action of the handle it called {@code await} on. Give every
 * party's handle the same action (as Python passes one to all), and it runs once per cycle.
 *
 * <p>Serialisable as a {@link Handle} (the action stays behind). Thread-safe.
 */
public final class SharedBarrier implements Serializable, AutoCloseable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient RegionBinding binding;
    private final transient BarrierCycle cycle;
    private transient volatile Runnable action;
    private transient volatile WaitStrategy strategy = WaitStrategy.defaultStrategy();

    private SharedBarrier(RegionBinding binding, Runnable action) {
        this.binding = binding;
        this.cycle = new BarrierCycle(binding.body(), "barrier " + binding.name());
        this.action = action;
    }

    private static SharedBarrier bind(RegionNamespace namespace, String name, int parties, Runnable action, Mode mode) {
        BarrierLayout.checkParties(parties);
        int slots = BarrierLayout.DEFAULT_SLOTS;
        return new SharedBarrier(RegionBinding.bind(namespace, name, BarrierLayout.KIND, BarrierLayout.bodySize(slots),
            body -> BarrierLayout.initialize(body, parties, slots), mode), action);
    }

    /** Creates the barrier {@code name} for {@code parties} threads, without an action. */
    public static SharedBarrier create(RegionNamespace namespace, String name, int parties) {
        return bind(namespace, name, parties, null, Mode.CREATE);
    }

    /** Creates the barrier {@code name}; this handle runs {@code action} when it completes a cycle. */
    public static SharedBarrier create(RegionNamespace namespace, String name, int parties, Runnable action) {
        return bind(namespace, name, parties, action, Mode.CREATE);
    }

    /** Attaches to the existing barrier {@code name}, without an action. */
    public static SharedBarrier attach(RegionNamespace namespace, String name) {
        return bind(namespace, name, 1, null, Mode.ATTACH);
    }

    /** Attaches to the barrier {@code name}, creating it for {@code parties} if it is missing. */
    public static SharedBarrier createOrAttach(RegionNamespace namespace, String name, int parties) {
        return bind(namespace, name, parties, null, Mode.CREATE_OR_ATTACH);
    }

    /** The object's name in its namespace. */
    public String name() {
        return binding.name();
    }

    /** Sets (or with null removes) the action this handle runs when it completes a cycle. */
    public void setAction(Runnable action) {
        this.action = action;
    }

    /** Waits for all parties; returns this thread's arrival index (0 = first). */
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return awaitUntil(WaitStrategy.FOREVER);
        } catch (TimeoutException impossible) {
            throw new AssertionError("an unbounded wait timed out", impossible);
        }
    }

    /**
     * Waits for all parties at most {@code timeout}; on timeout breaks the barrier for all and
     * throws {@link TimeoutException}.
     */
    public int await(long timeout, TimeUnit unit)
        throws InterruptedException, BrokenBarrierException, TimeoutException {
        return awaitUntil(Waiting.deadlineAfter(timeout, Objects.requireNonNull(unit, "unit")));
    }

    /** Breaks the barrier: every waiter, and every arrival until {@link #reset()}, gets BrokenBarrierException. */
    public void abort() {
        binding.requireOpen("barrier");
        cycle.breakGeneration(-1);
    }

    /** Makes the barrier whole again; threads waiting in the current cycle get BrokenBarrierException. */
    public void reset() {
        binding.requireOpen("barrier");
        cycle.reset();
    }

    /** Whether the current cycle is broken. */
    public boolean isBroken() {
        binding.requireOpen("barrier");
        return (cycle.state() & BarrierLayout.BROKEN) != 0;
    }

    /** The number of threads needed to complete a cycle. */
    public int parties() {
        return cycle.parties();
    }

    /** How many threads have arrived in the current cycle (Python's {@code n_waiting}). */
    public int numberWaiting() {
        binding.requireOpen("barrier");
        return Math.min(BarrierLayout.arrived(cycle.state()), cycle.parties());
    }

    /** Sets how this handle's threads wait; local to this handle. */
    public void setWaitStrategy(WaitStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** Unmaps the barrier in this process. Idempotent. */
    @Override
    public void close() {
        binding.close();
    }

    private int awaitUntil(long deadline) throws InterruptedException, BrokenBarrierException, TimeoutException {
        binding.requireOpen("barrier");
        if (Thread.interrupted()) {
            cycle.breakGeneration(-1);
            throw new InterruptedException("interrupted before waiting at barrier " + name());
        }
        int slot = cycle.slotOfThisProcess();
        long arrival = cycle.arrive(slot);
        while (arrival == BarrierCycle.FULL) {
            awaitNextGeneration(deadline);
            arrival = cycle.arrive(slot);
        }
        if (arrival == BarrierCycle.BROKEN_ARRIVAL) {
            throw broken();
        }
        int generation = (int) (arrival >>> 32);
        int index = (int) arrival;
        try {
            if (index + 1 == cycle.parties()) {
                complete(generation);
                return index;
            }
            awaitEnd(generation, deadline);
            return index;
        } finally {
            cycle.leave(slot, generation);
        }
    }

    /** Waits while the last party of a full generation runs the action (Python's arrivals do too). */
    private void awaitNextGeneration(long deadline) throws InterruptedException, TimeoutException {
        long full = cycle.state();
        int generation = BarrierLayout.generation(full);
        if (BarrierLayout.arrived(full) < cycle.parties()) {
            return;
        }
        // Acquire (in state()): pairs with the ender's release store of the next generation.
        while (!Waiting.awaitSlice(strategy, cycle.point(), () -> cycle.state() != full, deadline)) {
            if (Waiting.remaining(deadline) <= 0) {
                throw new TimeoutException("barrier " + name() + ": timed out before it could be entered"
                    + " (its last party was still running the action)");
            }
            cycle.rescueDead(generation);
        }
    }

    private void complete(int generation) throws BrokenBarrierException {
        Runnable task = action;
        if (task != null) {
            try {
                task.run();
            } catch (RuntimeException | Error failed) {
                cycle.breakGeneration(generation);
                throw failed;
            }
        }
        if (!cycle.trip(generation)) {
            throw broken();
        }
    }

    private void awaitEnd(int generation, long deadline)
        throws InterruptedException, BrokenBarrierException, TimeoutException {
        while (true) {
            try {
                // Acquire (in outcome): pairs with the ender's release of the next generation.
                Waiting.awaitSlice(strategy, cycle.point(), () -> cycle.outcome(generation) != Outcome.RUNNING,
                    deadline);
            } catch (InterruptedException interrupted) {
                cycle.breakGeneration(generation);
                if (cycle.outcome(generation) == Outcome.PASSED) {
                    Thread.currentThread().interrupt(); // passed just in time: keep the interrupt
                    return;
                }
                throw interrupted;
            }
            switch (cycle.outcome(generation)) {
                case PASSED -> {
                    return;
                }
                case BROKEN -> throw broken();
                case RUNNING -> { }
            }
            if (Waiting.remaining(deadline) <= 0) {
                cycle.breakGeneration(generation);
                if (cycle.outcome(generation) == Outcome.PASSED) {
                    return;
                }
                throw new TimeoutException("barrier " + name() + ": timed out; the barrier is now broken");
            }
            cycle.rescueDead(generation);
        }
    }

    private BrokenBarrierException broken() {
        return new BrokenBarrierException("barrier " + name() + " is broken (aborted, reset, timed out,"
            + " or a party died or failed); reset() makes it usable again");
    }

    @Serial
    private Object writeReplace() {
        binding.requireOpen("barrier");
        return new Handle(binding.root(), binding.namespaceName(), name());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a shared barrier travels only as its handle");
    }

    @Override
    public String toString() {
        return "SharedBarrier[" + name() + (binding.isOpen() ? ", " + numberWaiting() + " of " + parties()
            + (isBroken() ? " waiting, broken" : " waiting") : ", closed") + "]";
    }

    /** A barrier in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}
