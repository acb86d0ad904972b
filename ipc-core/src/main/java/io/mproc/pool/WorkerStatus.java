package io.mproc.pool;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import java.lang.foreign.MemorySegment;

/** A pool's status region ({@link WorkerStatusLayout}), as the pool and its workers use it. */
final class WorkerStatus {
    private final Region region;
    private final MemorySegment body;
    private final int slots;

    private WorkerStatus(Region region) {
        this.region = region;
        this.body = region.body();
        // Plain: written by the creator before the region was published (the header's ready word).
        this.slots = OrderedAccess.getIntPlain(body, WorkerStatusLayout.SLOTS_OFFSET);
    }

    static WorkerStatus create(RegionNamespace namespace, String name, int slots) {
        return new WorkerStatus(namespace.create(name, WorkerStatusLayout.KIND, WorkerStatusLayout.bodySize(slots),
            body -> OrderedAccess.setIntPlain(body, WorkerStatusLayout.SLOTS_OFFSET, slots)));
    }

    static WorkerStatus attach(RegionNamespace namespace, String name) {
        return new WorkerStatus(namespace.attach(name, WorkerStatusLayout.KIND));
    }

    Region region() {
        return region;
    }

    /** Worker side: task {@code index} of message {@code sequence} starts (or, at count, they are done). */
    void record(int slot, int sequence, int index) {
        // Release: ordered after this worker's earlier result commits; read only after its death.
        OrderedAccess.setLongRelease(body, offset(slot), WorkerStatusLayout.progress(sequence, index));
    }

    /** Pool side, once the slot's worker has ended: its last recorded progress. */
    long read(int slot) {
        // Acquire: the dead worker's last store, made before its process ended.
        return OrderedAccess.getLongAcquire(body, offset(slot));
    }

    /** Pool side, before the slot's next worker starts. */
    void reset(int slot) {
        // Release: the launch of the next worker (a process start) follows this store.
        OrderedAccess.setLongRelease(body, offset(slot), 0L);
    }

    private long offset(int slot) {
        if (slot < 0 || slot >= slots) {
            throw new IllegalArgumentException("slot=" + slot + " (expected: 0 to " + (slots - 1) + ")");
        }
        return WorkerStatusLayout.progressOffset(slot);
    }
}
