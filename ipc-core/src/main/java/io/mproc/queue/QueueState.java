package io.mproc.queue;

import static io.mproc.queue.QueueStateLayout.ALL_DONE_OFFSET;
import static io.mproc.queue.QueueStateLayout.CLOSED_OFFSET;
import static io.mproc.queue.QueueStateLayout.JOINABLE_OFFSET;
import static io.mproc.queue.QueueStateLayout.MAX_MESSAGE_BYTES_OFFSET;
import static io.mproc.queue.QueueStateLayout.MAX_SIZE_OFFSET;
import static io.mproc.queue.QueueStateLayout.PUT_OFFSET;
import static io.mproc.queue.QueueStateLayout.SHAPE_OFFSET;
import static io.mproc.queue.QueueStateLayout.UNFINISHED_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import io.mproc.memory.RegionException;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;

/** The shared words of one queue besides its ring ({@link QueueStateLayout}). */
final class QueueState {
    private final String queue;
    private final MemorySegment body;
    private final WaitPoint allDone;

    private QueueState(String queue, Region region) {
        this.queue = queue;
        this.body = region.body();
        this.allDone = new WaitPoint(body, ALL_DONE_OFFSET);
    }

    static QueueState create(RegionNamespace namespace, String queue, QueueOptions options, boolean joinable) {
        Region region = namespace.create(queue + ".queue", QueueStateLayout.KIND, QueueStateLayout.BODY_SIZE, body -> {
            // Plain: published by the region's ready flag.
            OrderedAccess.setIntPlain(body, MAX_SIZE_OFFSET, options.maxSize());
            OrderedAccess.setIntPlain(body, MAX_MESSAGE_BYTES_OFFSET, options.maxMessageBytes());
            OrderedAccess.setIntPlain(body, JOINABLE_OFFSET, joinable ? 1 : 0);
            OrderedAccess.setIntPlain(body, SHAPE_OFFSET, options.shape().code());
        });
        return new QueueState(queue, region);
    }

    static QueueState attach(RegionNamespace namespace, String queue) {
        Region region = namespace.attach(queue + ".queue", QueueStateLayout.KIND);
        if (region.body().byteSize() < QueueStateLayout.BODY_SIZE) {
            region.close();
            throw new RegionException("queue " + queue + ": state region of " + region.body().byteSize()
                + " bytes (expected: " + QueueStateLayout.BODY_SIZE + ")");
        }
        QueueState state = new QueueState(queue, region);
        if (state.shape() == null) {
            region.close();
            throw new RegionException("queue " + queue + ": state region " + region.path() + " has shape word "
                + OrderedAccess.getIntPlain(state.body, SHAPE_OFFSET) + " (expected: 1 or 2)");
        }
        return state;
    }

    int maxSize() {
        // Plain: written before the region's ready flag, which attach acquired.
        return OrderedAccess.getIntPlain(body, MAX_SIZE_OFFSET);
    }

    int maxMessageBytes() {
        return OrderedAccess.getIntPlain(body, MAX_MESSAGE_BYTES_OFFSET);
    }

    boolean joinable() {
        return OrderedAccess.getIntPlain(body, JOINABLE_OFFSET) != 0;
    }

    /** The queue's shape, or null if the shape word is not one (a damaged region). */
    QueueShape shape() {
        // Plain: written before the region's ready flag, which attach acquired.
        return QueueShape.ofCode(OrderedAccess.getIntPlain(body, SHAPE_OFFSET));
    }

    /** Elements a {@link QueueShape#ONE_TO_ONE} queue's producers have put and counted. */
    long put() {
        // Acquire: the last producer's count, if the role moved here from another process.
        return OrderedAccess.getLongAcquire(body, PUT_OFFSET);
    }

    void setPut(long count) {
        // Release: after the element's commit; one writer at a time (the producer), so no CAS.
        OrderedAccess.setLongRelease(body, PUT_OFFSET, count);
    }

    boolean isClosed() {
        // Acquire: pairs with close()'s volatile store; a plain load on x86, on a line nobody writes.
        return OrderedAccess.getIntAcquire(body, CLOSED_OFFSET) != 0;
    }

    /** Throws {@link IllegalStateException} "queue NAME is closed" once some process closed the queue. */
    void requireOpen() {
        if (isClosed()) {
            throw new IllegalStateException("queue " + queue + " is closed");
        }
    }

    /** Marks the queue closed for every process; returns false if it already was. */
    boolean close() {
        // CAS: exactly one closer; a full fence before the wake-ups read the waiter counts.
        return OrderedAccess.compareAndSetInt(body, CLOSED_OFFSET, 0, 1);
    }

    long unfinished() {
        // Acquire: join's condition; pairs with the get-and-add of taskDone.
        return OrderedAccess.getLongAcquire(body, UNFINISHED_OFFSET);
    }

    void addUnfinished() {
        // Read-modify-write: producers of every process count at once.
        OrderedAccess.getAndAddLong(body, UNFINISHED_OFFSET, 1);
    }

    /** Lowers the count by one; throws (changing nothing) if it is already zero. */
    void removeUnfinished(String caller) {
        while (true) {
            // Acquire, then CAS: never below zero, even when processes race.
            long count = OrderedAccess.getLongAcquire(body, UNFINISHED_OFFSET);
            if (count <= 0) {
                throw new IllegalStateException("queue " + queue + ": " + caller
                    + " called more times than elements were put (no unfinished task left)");
            }
            if (OrderedAccess.compareAndSetLong(body, UNFINISHED_OFFSET, count, count - 1)) {
                if (count == 1) {
                    allDone.signalAll();
                }
                return;
            }
        }
    }

    WaitPoint allDone() {
        return allDone;
    }
}
