package io.mproc.pool;

import java.util.BitSet;

/**
 * A task message on its way to, or in, a worker: its batch, its sequence number on that
 * worker, and how many of its results have come back (always a prefix: a worker sends them in
 * order). Tasks whose arguments could not be sent were failed in the pool already; their
 * results (null placeholders) are ignored. Guarded by the pool's lock, except the immutable
 * fields.
 */
final class Sent {
    final Batch batch;
    final int sequence;
    private final BitSet unsent;
    int received;

    Sent(Batch batch, int sequence, BitSet unsent) {
        this.batch = batch;
        this.sequence = sequence;
        this.unsent = unsent;
    }

    /** Whether some task of the message was failed in the pool instead of sent. */
    boolean anyUnsent() {
        return unsent != null;
    }

    /** Whether task {@code index} of the message was failed in the pool instead of sent. */
    boolean unsent(int index) {
        return unsent != null && unsent.get(index);
    }
}
