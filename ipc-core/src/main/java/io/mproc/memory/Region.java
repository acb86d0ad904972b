package io.mproc.memory;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A named file mapped into this process: the unit of shared memory in mproc.
 *
 * <p>Create, attach or create-or-attach one through a {@link RegionNamespace}. The mapping has
 * no 2 GiB limit. {@link #body()} is the part after the {@link RegionHeaderLayout header}, for
 * the structure that owns the region (a ring, a lock, ...).
 *
 * <p>{@link #close()} unmaps the file in this process only; other processes keep their
 * mappings. {@link #unlink()} removes the name: processes that already mapped the file keep
 * using it until they close it, new attaches fail. After {@code close()}, any access through
 * {@link #body()} by any thread of this process throws {@link IllegalStateException} (the JDK
 * checks the segment's arena) rather than touching unmapped memory.
 *
 * <p>Serialisable as a {@link RegionHandle}: another process that deserialises a region attaches
 * the same file (see the handle for who owns that mapping).
 *
 * <p>Thread-safe.
 */
public final class Region implements AutoCloseable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    // Never serialised: writeReplace sends a RegionHandle instead.
    private final transient String name;
    private final transient Path path;
    private final transient RegionKind kind;
    private final transient Arena arena;
    private final transient MemorySegment file;
    private final transient MemorySegment body;
    private final transient boolean created;

    Region(String name, Path path, RegionKind kind, Arena arena, MemorySegment file, boolean created) {
        this.name = name;
        this.path = path;
        this.kind = kind;
        this.arena = arena;
        this.file = file;
        this.body = file.asSlice(RegionHeaderLayout.HEADER_LENGTH);
        this.created = created;
    }

    /** The region's name in its namespace. */
    public String name() {
        return name;
    }

    /** The file behind the region. */
    public Path path() {
        return path;
    }

    /** What the region holds. */
    public RegionKind kind() {
        return kind;
    }

    /** Whether this handle created the region (rather than attached to an existing one). */
    public boolean created() {
        return created;
    }

    /** The region's usable memory, after the header. Cache-line aligned. */
    public MemorySegment body() {
        return body;
    }

    /** The whole mapped file, header included (read-only use: tools and tests). */
    public MemorySegment file() {
        return file;
    }

    /** The pid of the process that created the region. */
    public int creatorPid() {
        return OrderedAccess.getIntPlain(file, RegionHeaderLayout.CREATOR_PID_OFFSET);
    }

    /** Whether this handle is still mapped. */
    public boolean isOpen() {
        return arena.scope().isAlive();
    }

    /** Unmaps the region in this process. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        }
    }

    /**
     * Removes the region's name, so that it can no longer be attached. Mappings that exist stay
     * valid. A second unlink, by this or any process, throws {@link RegionNotFoundException}
     * (Python's {@code SharedMemory.unlink()} raises {@code FileNotFoundError} the same way).
     */
    public void unlink() {
        try {
            Files.delete(path);
        } catch (NoSuchFileException gone) {
            throw new RegionNotFoundException("region " + path + ": already unlinked");
        } catch (IOException failed) {
            throw new RegionException("region " + path + ": cannot unlink: " + failed, failed);
        }
    }

    /** Travels as a {@link RegionHandle}, which attaches the same file where it is read. */
    @Serial
    private Object writeReplace() {
        return RegionHandle.of(this);
    }

    /** A stream that names Region itself was not written by {@link #writeReplace()}: refuse it. */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a Region is serialised as a RegionHandle, never directly");
    }

    @Override
    public String toString() {
        return "Region[" + name + ", " + kind + ", " + body.byteSize() + " bytes"
            + (isOpen() ? "" : ", closed") + "]";
    }

}
