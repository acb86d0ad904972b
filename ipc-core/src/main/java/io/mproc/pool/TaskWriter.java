package io.mproc.pool;

import static io.mproc.pool.TaskMessageLayout.ARITY_OFFSET;
import static io.mproc.pool.TaskMessageLayout.COUNT_OFFSET;
import static io.mproc.pool.TaskMessageLayout.ENCODING_OFFSET;
import static io.mproc.pool.TaskMessageLayout.FLAGS_OFFSET;
import static io.mproc.pool.TaskMessageLayout.FUNCTION_OFFSET;
import static io.mproc.pool.TaskMessageLayout.HEADER_LENGTH;

import io.mproc.ring.SpscRing;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.BitSet;
import java.util.List;

/**
 * Pool side: writes task messages ({@link TaskMessageLayout}) into a worker's task ring. A
 * batch goes as one message, or its first part when the whole does not fit; arguments of one
 * boxed type are written straight into the ring. A task whose arguments cannot be serialized,
 * or do not fit a message on their own, is failed with an {@link IllegalArgumentException} and
 * its place in the message marked as skipped. Used under the pool's lock (the rings are
 * single-producer: the lock makes the pool one producer).
 */
final class TaskWriter {
    private final String pool;
    private final ByteScratch scratch = new ByteScratch(4096);

    TaskWriter(String pool) {
        this.pool = pool;
    }

    /** Sends DEFINE (after FORGET if the worker knows too many); false if the ring is full. */
    boolean define(Worker worker, PoolFunction function) {
        if (worker.mustForget()) {
            if (!control(worker, TaskMessageLayout.FORGET)) {
                return false;
            }
            worker.forgot();
        }
        SpscRing ring = worker.tasks;
        byte[] bytes = function.bytes();
        long index = ring.tryClaim(TaskMessageLayout.DEFINE, TaskMessageLayout.DEFINE_HEADER_LENGTH + bytes.length);
        if (index < 0) {
            return false;
        }
        MemorySegment buffer = ring.buffer();
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + FUNCTION_OFFSET, function.id());
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + TaskMessageLayout.DEFINE_KIND_OFFSET,
            function.kind().ordinal());
        MemorySegment.copy(bytes, 0, buffer, ValueLayout.JAVA_BYTE, index + TaskMessageLayout.DEFINE_HEADER_LENGTH,
            bytes.length);
        ring.commit(index);
        worker.defined(function);
        return true;
    }

    /** Sends a message without payload (FORGET, STOP); false if the ring is full. */
    boolean control(Worker worker, int type) {
        long index = worker.tasks.tryClaim(type, 0);
        if (index < 0) {
            return false;
        }
        worker.tasks.commit(index);
        return true;
    }

    /**
     * Sends as many tasks of {@code batch}, from its first, as fit one message. Returns what was
     * sent, or null when the ring has no room (then nothing was sent and nothing failed).
     * Failures of tasks that could not be sent are added to {@code failed}, to be completed
     * outside the pool's lock.
     */
    Sent write(Worker worker, Batch batch, List<Runnable> failed) {
        SpscRing ring = worker.tasks;
        int maxPayload = ring.maxMessageLength() - HEADER_LENGTH;
        int arity = batch.arity();
        if (batch.encoded() != null || arity == 0) {
            byte[] payload = batch.encoded() != null ? batch.encoded() : new byte[0];
            return commitBytes(worker, batch, batch.count(), ValueCodec.TAGGED, payload, payload.length, null);
        }
        Object[] arguments = batch.arguments();
        int from = batch.argumentOffset();
        // Only as many tasks as could fit at four bytes a value: a long chunk is sent in parts,
        // and each part is looked at once.
        int candidates = Math.min(batch.count(), maxPayload / (4 * arity));
        byte kind = ValueCodec.kindOf(arguments, from, from + candidates * arity);
        if (ValueCodec.isFixedWidth(kind)) {
            int tasks = Math.min(candidates, maxPayload / (ValueCodec.width(kind) * arity));
            long index = ring.tryClaim(TaskMessageLayout.TASK, HEADER_LENGTH + tasks * arity * ValueCodec.width(kind));
            if (index < 0) {
                return null;
            }
            ValueCodec.writeFixed(kind, arguments, from, from + tasks * arity, ring.buffer(), index + HEADER_LENGTH);
            return commit(worker, batch, tasks, kind, index, null);
        }
        if (kind == ValueCodec.SERIALIZED) {
            for (int tasks = candidates; tasks >= 1; tasks = tasks == 1 ? 0 : (tasks + 1) / 2) {
                byte[] stream;
                try {
                    stream = ValueCodec.serializeRun(arguments, from, from + tasks * arity);
                } catch (IOException notSerializable) {
                    break; // one of them is not: task by task, below
                }
                if (stream.length <= maxPayload) {
                    return commitBytes(worker, batch, tasks, kind, stream, stream.length, null);
                }
            }
        }
        return writeTagged(worker, batch, maxPayload, failed);
    }

    private Sent writeTagged(Worker worker, Batch batch, int maxPayload, List<Runnable> failed) {
        int arity = batch.arity();
        Object[] arguments = batch.arguments();
        scratch.reset();
        BitSet unsent = null;
        Throwable[] failures = null;
        int tasks = 0;
        for (; tasks < batch.count(); tasks++) {
            int mark = scratch.position();
            Throwable problem = null;
            try {
                for (int v = 0; v < arity; v++) {
                    ValueCodec.writeTagged(arguments[batch.argumentOffset() + tasks * arity + v], scratch);
                }
            } catch (IOException notSerializable) {
                problem = new IllegalArgumentException("pool " + pool + ": the arguments of "
                    + batch.job().describe(batch.first() + tasks) + " cannot be serialized: " + notSerializable,
                    notSerializable);
            }
            if (problem == null && scratch.position() > maxPayload) {
                if (tasks > 0) {
                    scratch.truncate(mark);
                    break;
                }
                problem = new IllegalArgumentException("pool " + pool + ": the arguments of "
                    + batch.job().describe(batch.first()) + " encode to " + (scratch.position() - mark)
                    + " bytes (expected: at most " + maxPayload + "; raise the pool's maxMessageBytes)");
            }
            if (problem != null) {
                scratch.truncate(mark);
                writeSkipped(arity);
                if (unsent == null) {
                    unsent = new BitSet();
                    failures = new Throwable[batch.count()];
                }
                unsent.set(tasks);
                failures[tasks] = problem;
            }
        }
        Sent sent = commitBytes(worker, batch, tasks, ValueCodec.TAGGED, null, scratch.position(), unsent);
        if (sent != null && unsent != null) {
            Job job = batch.job();
            for (int task = unsent.nextSetBit(0); task >= 0; task = unsent.nextSetBit(task + 1)) {
                Object[] outcome = {new TaskFailure(failures[task])};
                int index = batch.first() + task;
                failed.add(() -> job.complete(index, outcome, 0, 1));
            }
        }
        return sent;
    }

    private void writeSkipped(int arity) {
        try {
            for (int v = 0; v < arity; v++) {
                ValueCodec.writeTagged(ValueCodec.SKIPPED, scratch);
            }
        } catch (IOException impossible) {
            throw new IllegalStateException("a skip marker cannot be written", impossible);
        }
    }

    /** Claims and fills a message from {@code bytes} (or the scratch buffer, when null). */
    private Sent commitBytes(Worker worker, Batch batch, int tasks, byte kind, byte[] bytes, int length,
                             BitSet unsent) {
        SpscRing ring = worker.tasks;
        long index = ring.tryClaim(TaskMessageLayout.TASK, HEADER_LENGTH + length);
        if (index < 0) {
            return null;
        }
        if (bytes != null) {
            MemorySegment.copy(bytes, 0, ring.buffer(), ValueLayout.JAVA_BYTE, index + HEADER_LENGTH, length);
        } else {
            scratch.copyTo(ring.buffer(), index + HEADER_LENGTH);
        }
        return commit(worker, batch, tasks, kind, index, unsent);
    }

    private static Sent commit(Worker worker, Batch batch, int tasks, byte kind, long index, BitSet unsent) {
        Batch sentBatch = tasks == batch.count() ? batch : batch.prefix(tasks);
        MemorySegment buffer = worker.tasks.buffer();
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + FUNCTION_OFFSET, batch.job().function().id());
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + COUNT_OFFSET, tasks);
        buffer.set(ValueLayout.JAVA_BYTE, index + ARITY_OFFSET, (byte) batch.arity());
        buffer.set(ValueLayout.JAVA_BYTE, index + ENCODING_OFFSET, kind);
        buffer.set(ValueLayout.JAVA_BYTE, index + FLAGS_OFFSET,
            (byte) (sentBatch.endOfChunk() ? TaskMessageLayout.END_OF_CHUNK : 0));
        worker.tasks.commit(index);
        Sent sent = new Sent(sentBatch, worker.nextSequence++, unsent);
        worker.outstanding.add(sent);
        return sent;
    }
}
