package io.mproc.pool;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionDirectory;
import io.mproc.memory.RegionNamespace;
import io.mproc.ring.MpscRing;
import io.mproc.ring.SpscRing;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared memory of one pool: its result ring ({@code <pool>.results}), its status region
 * ({@code <pool>.status}) and a task ring per worker ({@code <pool>.tasks-<slot>-<generation>}),
 * in a namespace of the pool's own ({@code pool-<pid>-<start time>-<n>} under the default
 * root, removed when the pool terminates) or one the user gave (the pool removes only its
 * regions). A JVM that builds a pool first removes what pools of JVMs that died left behind.
 */
final class PoolRegions {
    /** Its own namespaces are {@code pool-<pid>-<start time>-<n>} ({@link RegionNamespace#ownedName}). */
    private static final String NAMESPACE_PREFIX = "pool";
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    private final RegionNamespace namespace;
    private final boolean ownNamespace;
    private final String pool;
    private final int maxMessageBytes;
    private final MpscRing results;
    private final WorkerStatus status;

    private PoolRegions(RegionNamespace namespace, boolean ownNamespace, String pool, int workers,
                        int maxMessageBytes) {
        this.namespace = namespace;
        this.ownNamespace = ownNamespace;
        this.pool = pool;
        this.maxMessageBytes = maxMessageBytes;
        MpscRing ring = null;
        try {
            ring = MpscRing.create(namespace, pool + ".results",
                ringCapacity(maxMessageBytes, Math.max(8, 2 * workers)), maxMessageBytes);
            this.results = ring;
            this.status = WorkerStatus.create(namespace, pool + ".status", workers);
        } catch (RuntimeException failed) {
            if (ring != null) {
                namespace.release(ring.region());
            }
            if (ownNamespace) {
                namespace.close();
            }
            throw failed;
        }
    }

    /**
     * The regions of pool {@code pool} with {@code workers} slots, in {@code given} or (if null)
     * in a namespace of its own.
     */
    static PoolRegions create(String pool, RegionNamespace given, int workers, int maxMessageBytes) {
        if (given != null) {
            return new PoolRegions(given, false, pool, workers, maxMessageBytes);
        }
        Path root = RegionDirectory.defaultRoot();
        RegionNamespace.removeDeadOwners(root, NAMESPACE_PREFIX);
        RegionNamespace own = RegionNamespace.open(root, RegionNamespace.ownedName(NAMESPACE_PREFIX,
            ProcessIdentity.current()) + "-" + NAMESPACES.incrementAndGet());
        return new PoolRegions(own, true, pool, workers, maxMessageBytes);
    }

    /** Room for {@code messages} messages of the largest size, as a power of two. */
    private static int ringCapacity(int maxMessageBytes, int messages) {
        long wanted = (long) maxMessageBytes * messages;
        return (int) Math.min(1L << 30, Long.highestOneBit(wanted - 1) << 1);
    }

    RegionNamespace namespace() {
        return namespace;
    }

    MpscRing results() {
        return results;
    }

    WorkerStatus status() {
        return status;
    }

    /** The name of the task ring of a slot's generation. */
    String taskRingName(int slot, int generation) {
        return pool + ".tasks-" + slot + "-" + generation;
    }

    SpscRing createTaskRing(int slot, int generation) {
        return SpscRing.create(namespace, taskRingName(slot, generation), ringCapacity(maxMessageBytes, 8),
            maxMessageBytes);
    }

    /** Unmaps and removes a region of the pool's (a task ring whose worker ended). */
    void release(Region region) {
        namespace.release(region);
    }

    /** Removes every region of the pool (and its own namespace). */
    void close() {
        namespace.release(results.region());
        namespace.release(status.region());
        if (ownNamespace) {
            namespace.close();
        }
    }
}
