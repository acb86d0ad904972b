package io.mproc.shared;

import io.mproc.memory.Region;
import io.mproc.memory.RegionKind;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding;
import io.mproc.sync.RegionBinding.Mode;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;

/**
 * Python's {@code multiprocessing.shared_memory.SharedMemory}: a named block of raw bytes that
 * any process can map, as a {@link MemorySegment}. What the bytes mean, and how accesses to
 * them are ordered, is the user's business ({@link io.mproc.memory.OrderedAccess} names the
 * modes); the block starts zero-filled and 64-byte aligned.
 *
 * <ul>
 *   <li>{@link #create}: {@code size} must be &gt; 0; a block of that name already existing is
 *       {@link io.mproc.memory.RegionExistsException} (Python: {@code FileExistsError}).</li>
 *   <li>{@link #attach}: the size is the creator's (Python ignores a size given on attach);
 *       a missing block is {@link io.mproc.memory.RegionNotFoundException}
 *       ({@code FileNotFoundError}).</li>
 *   <li>{@link #close()} unmaps this handle only; other handles and processes keep theirs.</li>
 *   <li>{@link #unlink()} removes the name, once: a second unlink, by anyone, is
 *       {@link io.mproc.memory.RegionNotFoundException}. Mappings stay valid until closed.
 *       The namespace that created the block also unlinks it when it closes, if nobody did;
 *       and {@link RegionNamespace#removeLeftovers()} removes the blocks of crashed creators
 *       (Python's resource tracker).</li>
 * </ul>
 * Serialisable as a {@link Handle}. Thread-safe (the handle; the bytes are shared memory).
 */
public final class SharedMemory implements Serializable, AutoCloseable {
    @Serial
    private static final long serialVersionUID = 1L;

    static final RegionKind KIND = new RegionKind("shared.memory", 1);

    private final transient RegionBinding binding;

    private SharedMemory(RegionBinding binding) {
        this.binding = binding;
    }

    /**
     * Creates the block {@code name} of {@code size} zero bytes.
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     * @throws io.mproc.memory.RegionExistsException if a block (or other object) of that name exists
     */
    public static SharedMemory create(RegionNamespace namespace, String name, long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("shared memory " + name + ": size=" + size + " (expected: > 0)");
        }
        return new SharedMemory(RegionBinding.bind(namespace, name, KIND, size, null, Mode.CREATE));
    }

    /**
     * Attaches to the existing block {@code name}, whatever its size.
     *
     * @throws io.mproc.memory.RegionNotFoundException if there is none
     */
    public static SharedMemory attach(RegionNamespace namespace, String name) {
        return new SharedMemory(RegionBinding.bind(namespace, name, KIND, 0, null, Mode.ATTACH));
    }

    /** The object's name in its namespace. */
    public String name() {
        return binding.name();
    }

    /** The block's size in bytes. */
    public long size() {
        return binding.region().body().byteSize();
    }

    /**
     * The block's bytes. Accesses through it throw {@link IllegalStateException} once this
     * handle is closed (never touch unmapped memory).
     */
    public MemorySegment segment() {
        binding.requireOpen("shared memory");
        return binding.body();
    }

    /** Whether this handle is still mapped. */
    public boolean isOpen() {
        return binding.isOpen();
    }

    /** Unmaps the block in this process (this handle only). Idempotent. */
    @Override
    public void close() {
        binding.close();
    }

    /**
     * Removes the block's name: no-one can attach it any more; existing mappings stay valid.
     *
     * @throws io.mproc.memory.RegionNotFoundException if it was already unlinked
     */
    public void unlink() {
        Region region = binding.region();
        region.unlink();
    }

    @Serial
    private Object writeReplace() {
        binding.requireOpen("shared memory");
        return new Handle(binding.root(), binding.namespaceName(), name());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("shared memory travels only as its handle");
    }

    @Override
    public String toString() {
        return "SharedMemory[" + name() + ", " + size() + " bytes" + (isOpen() ? "" : ", closed") + "]";
    }

    /** A shared memory block in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}
