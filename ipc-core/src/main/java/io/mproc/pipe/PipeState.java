package io.mproc.pipe;

import static io.mproc.pipe.PipeStateLayout.CLOSED_OFFSET;
import static io.mproc.pipe.PipeStateLayout.DUPLEX_OFFSET;
import static io.mproc.pipe.PipeStateLayout.HOLDER_OFFSET;
import static io.mproc.pipe.PipeStateLayout.RING_BYTES_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionException;
import io.mproc.memory.RegionNamespace;
import java.lang.foreign.MemorySegment;

/** The shared words of one pipe besides its rings ({@link PipeStateLayout}). */
final class PipeState {
    /** This process as a holder word. */
    static final long ME = holderWord(ProcessIdentity.current());
    /** Holder word of an end that travels as a handle. */
    static final long IN_TRANSIT = 0;

    private final MemorySegment body;

    private PipeState(Region region) {
        this.body = region.body();
    }

    static PipeState create(RegionNamespace namespace, String pipe, boolean duplex, int ringBytes) {
        Region region = namespace.create(pipe + ".pipe", PipeStateLayout.KIND, PipeStateLayout.BODY_SIZE, body -> {
            // Plain: published by the region's ready flag.
            OrderedAccess.setIntPlain(body, DUPLEX_OFFSET, duplex ? 1 : 0);
            OrderedAccess.setIntPlain(body, RING_BYTES_OFFSET, ringBytes);
            for (int end = 0; end < 2; end++) {
                OrderedAccess.setLongPlain(body, PipeStateLayout.endOffset(end) + HOLDER_OFFSET, ME);
            }
        });
        return new PipeState(region);
    }

    static PipeState attach(RegionNamespace namespace, String pipe) {
        Region region = namespace.attach(pipe + ".pipe", PipeStateLayout.KIND);
        if (region.body().byteSize() < PipeStateLayout.BODY_SIZE) {
            region.close();
            throw new RegionException("pipe " + pipe + ": state region of " + region.body().byteSize()
                + " bytes (expected: " + PipeStateLayout.BODY_SIZE + ")");
        }
        return new PipeState(region);
    }

    boolean duplex() {
        // Plain: written before the region's ready flag, which attach acquired.
        return OrderedAccess.getIntPlain(body, DUPLEX_OFFSET) != 0;
    }

    boolean isClosed(int end) {
        // Acquire: pairs with close's release; everything sent before it is then visible.
        return OrderedAccess.getIntAcquire(body, PipeStateLayout.endOffset(end) + CLOSED_OFFSET) != 0;
    }

    void close(int end) {
        // Release: every message this end sent is visible to a peer that sees the flag.
        OrderedAccess.setIntRelease(body, PipeStateLayout.endOffset(end) + CLOSED_OFFSET, 1);
    }

    long holder(int end) {
        // Acquire: a snapshot; only compared or checked for liveness.
        return OrderedAccess.getLongAcquire(body, PipeStateLayout.endOffset(end) + HOLDER_OFFSET);
    }

    void hold(int end, long holder) {
        // Release, one 8-byte store: pid and token appear together.
        OrderedAccess.setLongRelease(body, PipeStateLayout.endOffset(end) + HOLDER_OFFSET, holder);
    }

    /** Whether end {@code end} is closed, or held by a process that no longer runs. */
    boolean isGone(int end) {
        if (isClosed(end)) {
            return true;
        }
        long holder = holder(end);
        return holder != IN_TRANSIT && holder != ME
            && !ProcessIdentity.isAliveByToken((int) holder, (int) (holder >>> 32));
    }

    private static long holderWord(ProcessIdentity identity) {
        return (identity.pid() & 0xFFFF_FFFFL) | ((long) identity.startToken() << 32);
    }
}
