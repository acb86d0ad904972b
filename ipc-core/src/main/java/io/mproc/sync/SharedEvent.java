package io.mproc.sync;

import static io.mproc.sync.EventLayout.FLAG_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding.Mode;
import io.mproc.wait.WaitPoint;
import io.mproc.wait.WaitStrategy;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code multiprocessing.Event}: a flag that threads of any process can set, clear and
 * wait for. {@link #set()} wakes every waiter; waiting on a set event returns at once.
 *
 * <p>Nothing is held, so a process killed at any point leaves a consistent event: set or not,
 * as its last completed call left it. Waiters spin briefly, then sleep on a futex (see
 * {@link #setWaitStrategy}). Serialisable as a {@link Handle}. Thread-safe.
 */
public final class SharedEvent implements Serializable, AutoCloseable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient RegionBinding binding;
    private final transient WaitPoint point;
    private transient volatile WaitStrategy strategy = WaitStrategy.defaultStrategy();

    private SharedEvent(RegionBinding binding) {
        this.binding = binding;
        this.point = new WaitPoint(binding.body(), EventLayout.WAIT_POINT_OFFSET);
    }

    private static SharedEvent bind(RegionNamespace namespace, String name, Mode mode) {
        return new SharedEvent(RegionBinding.bind(namespace, name, EventLayout.KIND, EventLayout.BODY_SIZE, null, mode));
    }

    /** Creates the event {@code name}, clear. */
    public static SharedEvent create(RegionNamespace namespace, String name) {
        return bind(namespace, name, Mode.CREATE);
    }

    /** Attaches to the existing event {@code name}. */
    public static SharedEvent attach(RegionNamespace namespace, String name) {
        return bind(namespace, name, Mode.ATTACH);
    }

    /** Attaches to the event {@code name}, creating it (clear) if it does not exist. */
    public static SharedEvent createOrAttach(RegionNamespace namespace, String name) {
        return bind(namespace, name, Mode.CREATE_OR_ATTACH);
    }

    /** The object's name in its namespace. */
    public String name() {
        return binding.name();
    }

    /** Sets the flag and wakes every waiter, in every process. */
    public void set() {
        binding.requireOpen("event");
        // Release: what the caller wrote before set() is visible to whoever sees the flag.
        OrderedAccess.setIntRelease(binding.body(), FLAG_OFFSET, 1);
        point.signalAll();
    }

    /** Clears the flag; later waits block until the next {@link #set()}. */
    public void clear() {
        binding.requireOpen("event");
        // Release: a plain "clear" would do for the flag itself; release keeps clear-after-work ordered.
        OrderedAccess.setIntRelease(binding.body(), FLAG_OFFSET, 0);
    }

    /** Whether the flag is set. */
    public boolean isSet() {
        binding.requireOpen("event");
        // Acquire: pairs with set()'s release store.
        return OrderedAccess.getIntAcquire(binding.body(), FLAG_OFFSET) != 0;
    }

    /** Waits until the flag is set. */
    public void await() throws InterruptedException {
        awaitUntil(WaitStrategy.FOREVER);
    }

    /** Python's {@code wait(timeout)}: waits until the flag is set or the timeout passes; returns the flag. */
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return awaitUntil(Waiting.deadlineAfter(time, Objects.requireNonNull(unit, "unit")));
    }

    /** As {@link #await(long, TimeUnit)}. */
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitUntil(WaitStrategy.deadlineAfter(Objects.requireNonNull(timeout, "timeout")));
    }

    private boolean awaitUntil(long deadline) throws InterruptedException {
        binding.requireOpen("event");
        return strategy.await(point, this::isSet, deadline);
    }

    /** Sets how this handle's threads wait; local to this handle. */
    public void setWaitStrategy(WaitStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** Unmaps the event in this process. Idempotent. */
    @Override
    public void close() {
        binding.close();
    }

    @Serial
    private Object writeReplace() {
        binding.requireOpen("event");
        return new Handle(binding.root(), binding.namespaceName(), name());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a shared event travels only as its handle");
    }

    @Override
    public String toString() {
        return "SharedEvent[" + name() + (binding.isOpen() ? (isSet() ? ", set" : ", clear") : ", closed") + "]";
    }

    /** An event in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}
