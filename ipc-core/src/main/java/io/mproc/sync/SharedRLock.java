package io.mproc.sync;

import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding.Mode;
import java.io.Serial;
import java.io.Serializable;

/**
 * Python's {@code multiprocessing.RLock}: a {@link SharedLock} that its holder may lock again;
 * every {@link #lock()} needs its {@link #unlock()} (three locks, three unlocks) before another
 * thread can have it. The owner is (process, thread); unlocking by another thread, or when not
 * locked, throws {@link IllegalMonitorStateException} (as in Python). The hold count lives in
 * the region, beside the owner.
 *
 * <p>If the owner's process dies, the next acquirer takes the lock over with a hold count of
 * one, and {@link #previousOwnerDied()} is true until it has fully unlocked it; see
 * {@link SharedLock} for how death is detected. Serialisable as a {@link Handle}.
 */
public final class SharedRLock extends SharedMutex {
    @Serial
    private static final long serialVersionUID = 1L;

    SharedRLock(RegionBinding binding) {
        super(binding);
    }

    /** Creates the reentrant lock {@code name}, unlocked. */
    public static SharedRLock create(RegionNamespace namespace, String name) {
        return new SharedRLock(bind(namespace, name, true, Mode.CREATE));
    }

    /**
     * Attaches to the existing reentrant lock {@code name}.
     *
     * @throws IllegalArgumentException if {@code name} is a (non-reentrant) {@link SharedLock}
     */
    public static SharedRLock attach(RegionNamespace namespace, String name) {
        return new SharedRLock(bind(namespace, name, true, Mode.ATTACH));
    }

    /** Attaches to the reentrant lock {@code name}, creating it if it does not exist. */
    public static SharedRLock createOrAttach(RegionNamespace namespace, String name) {
        return new SharedRLock(bind(namespace, name, true, Mode.CREATE_OR_ATTACH));
    }

    /** How many times the calling thread holds this lock: 0 if it does not. */
    public int getHoldCount() {
        binding().requireOpen("rlock");
        return mutex().holdCount();
    }

    @Override
    Serializable handle() {
        return new Handle(binding().root(), binding().namespaceName(), name());
    }

    /** A reentrant lock in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}
