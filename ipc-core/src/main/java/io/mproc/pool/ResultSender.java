package io.mproc.pool;

import static io.mproc.pool.ResultMessageLayout.BUSY_NANOS_OFFSET;
import static io.mproc.pool.ResultMessageLayout.COUNT_OFFSET;
import static io.mproc.pool.ResultMessageLayout.ENCODING_OFFSET;
import static io.mproc.pool.ResultMessageLayout.FLAGS_OFFSET;
import static io.mproc.pool.ResultMessageLayout.FROM_OFFSET;
import static io.mproc.pool.ResultMessageLayout.GENERATION_OFFSET;
import static io.mproc.pool.ResultMessageLayout.HEADER_LENGTH;
import static io.mproc.pool.ResultMessageLayout.SEQUENCE_OFFSET;
import static io.mproc.pool.ResultMessageLayout.SLOT_OFFSET;

import io.mproc.codec.CodecException;
import io.mproc.process.FailureReport;
import io.mproc.ring.MessageRing;
import io.mproc.ring.MpscRing;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.locks.LockSupport;

/**
 * Worker side: writes results into the pool's result ring ({@link ResultMessageLayout}), as
 * few messages as fit. A result that cannot be encoded (not serializable, or larger than a
 * message) is replaced by a failure of its own task, a {@link CodecException}; the others go
 * through. Used by the worker's one serving thread.
 */
final class ResultSender {
    private final MpscRing results;
    private final int slot;
    private final int generation;
    private final int maxPayload;
    private final ByteScratch scratch = new ByteScratch(4096);

    ResultSender(MpscRing results, int slot, int generation) {
        this.results = results;
        this.slot = slot;
        this.generation = generation;
        this.maxPayload = results.maxMessageLength() - HEADER_LENGTH;
    }

    void sendReady() {
        long index = claim(ResultMessageLayout.READY, ResultMessageLayout.READY_LENGTH);
        MemorySegment buffer = results.buffer();
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + SLOT_OFFSET, slot);
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + GENERATION_OFFSET, generation);
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + ResultMessageLayout.READY_PID_OFFSET,
            (int) ProcessHandle.current().pid());
        results.commit(index);
    }

    /** Sends {@code values[0, count)}, the results of task message {@code sequence}. */
    void send(int sequence, Object[] values, int count, long busyNanos) {
        int from = 0;
        do {
            from = sendPart(sequence, values, from, count, busyNanos);
        } while (from < count);
    }

    /** Sends results from {@code from} on, as many as fit one message; returns where it stopped. */
    private int sendPart(int sequence, Object[] values, int from, int count, long busyNanos) {
        // Only as many results as could fit at four bytes each: each part is looked at once.
        int candidates = Math.min(count - from, maxPayload / 4);
        byte kind = ValueCodec.kindOf(values, from, from + candidates);
        if (ValueCodec.isFixedWidth(kind)) {
            int width = ValueCodec.width(kind);
            int fitting = Math.min(candidates, maxPayload / width);
            long index = claim(ResultMessageLayout.RESULT, HEADER_LENGTH + fitting * width);
            writeHeader(index, sequence, from, fitting, kind, from + fitting == count, busyNanos);
            ValueCodec.writeFixed(kind, values, from, from + fitting, results.buffer(), index + HEADER_LENGTH);
            results.commit(index);
            return from + fitting;
        }
        if (kind == ValueCodec.SERIALIZED) {
            int fitting = candidates;
            while (fitting > 1) {
                byte[] stream;
                try {
                    stream = ValueCodec.serializeRun(values, from, from + fitting);
                } catch (IOException notSerializable) {
                    break; // one of them is not: value by value, below
                }
                if (stream.length <= maxPayload) {
                    long index = claim(ResultMessageLayout.RESULT, HEADER_LENGTH + stream.length);
                    writeHeader(index, sequence, from, fitting, kind, from + fitting == count, busyNanos);
                    MemorySegment.copy(stream, 0, results.buffer(), ValueLayout.JAVA_BYTE, index + HEADER_LENGTH,
                        stream.length);
                    results.commit(index);
                    return from + fitting;
                }
                fitting = (fitting + 1) / 2;
            }
        }
        return sendTagged(sequence, values, from, count, busyNanos);
    }

    private int sendTagged(int sequence, Object[] values, int from, int count, long busyNanos) {
        scratch.reset();
        int end = from;
        while (end < count) {
            int mark = scratch.position();
            encodeOrFail(values[end]);
            if (scratch.position() > maxPayload) {
                if (end > from) {
                    scratch.truncate(mark);
                    break;
                }
                int size = scratch.position() - mark;
                scratch.truncate(mark);
                encodeOrFail(FailureReport.of(new CodecException("the task's result ("
                    + describe(values[end]) + ") encodes to " + size + " bytes, more than a result message holds ("
                    + maxPayload + "; raise the pool's maxMessageBytes)")));
            }
            end++;
        }
        long index = claim(ResultMessageLayout.RESULT, HEADER_LENGTH + scratch.position());
        writeHeader(index, sequence, from, end - from, ValueCodec.TAGGED, end == count, busyNanos);
        scratch.copyTo(results.buffer(), index + HEADER_LENGTH);
        results.commit(index);
        return end;
    }

    private void encodeOrFail(Object value) {
        int mark = scratch.position();
        try {
            ValueCodec.writeTagged(value, scratch);
        } catch (IOException notSerializable) {
            scratch.truncate(mark);
            try {
                ValueCodec.writeTagged(FailureReport.of(new CodecException("the task's result (" + describe(value)
                    + ") cannot be serialized: " + notSerializable)), scratch);
            } catch (IOException impossible) {
                throw new IllegalStateException("a failure report cannot be serialized", impossible);
            }
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    private void writeHeader(long index, int sequence, int from, int count, byte kind, boolean last, long busyNanos) {
        MemorySegment buffer = results.buffer();
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + SLOT_OFFSET, slot);
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + GENERATION_OFFSET, generation);
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + SEQUENCE_OFFSET, sequence);
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + FROM_OFFSET, from);
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + COUNT_OFFSET, count);
        buffer.set(ValueLayout.JAVA_BYTE, index + ENCODING_OFFSET, kind);
        buffer.set(ValueLayout.JAVA_BYTE, index + FLAGS_OFFSET, (byte) (last ? ResultMessageLayout.LAST_PART : 0));
        buffer.set(ValueLayout.JAVA_LONG_UNALIGNED, index + BUSY_NANOS_OFFSET, busyNanos);
    }

    /**
     * Claims room in the result ring, waiting while it is full (the pool's collector is behind).
     * Never forever: if the pool's JVM dies, this one follows it (the process layer's lifeline).
     */
    private long claim(int type, int length) {
        long index;
        for (int attempt = 0; (index = results.tryClaim(type, length)) == MessageRing.INSUFFICIENT_CAPACITY; attempt++) {
            if (attempt < 256) {
                Thread.onSpinWait();
            } else if (attempt < 320) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(50_000);
            }
        }
        return index;
    }
}
