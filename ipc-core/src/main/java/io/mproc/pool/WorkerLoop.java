package io.mproc.pool;

import static io.mproc.pool.TaskMessageLayout.ARITY_OFFSET;
import static io.mproc.pool.TaskMessageLayout.COUNT_OFFSET;
import static io.mproc.pool.TaskMessageLayout.ENCODING_OFFSET;
import static io.mproc.pool.TaskMessageLayout.FLAGS_OFFSET;
import static io.mproc.pool.TaskMessageLayout.FUNCTION_OFFSET;
import static io.mproc.pool.TaskMessageLayout.HEADER_LENGTH;

import io.mproc.codec.CodecException;
import io.mproc.process.FailureReport;
import io.mproc.process.ProcessSerialization;
import io.mproc.ring.MessageHandler;
import io.mproc.ring.SpscRing;
import io.mproc.wait.WaitCondition;
import io.mproc.wait.WaitStrategy;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Worker side: takes messages off the worker's task ring one at a time and runs them, in the
 * ring's order: defines functions, runs batches of tasks (recording progress before each task),
 * hands their results to the {@link ResultSender}. A task that throws becomes a failure of that
 * task; the worker goes on. Ends on STOP, or after the task message that spends its budget.
 * Tasks run on this one thread, inside the ring's handler: the message's bytes stay in place
 * (the pool cannot reuse that room) until its tasks are done.
 */
final class WorkerLoop implements MessageHandler {
    /** A defined function, or why it could not be read here. */
    private record Defined(PoolFunction.Kind kind, Object function, CodecException unreadable) {
    }

    private final WorkerSpec spec;
    private final SpscRing tasks;
    private final WorkerStatus status;
    private final ResultSender sender;
    private final IdleSpin waiting;
    private final Map<Integer, Defined> functions = new HashMap<>();
    private Object[] results = new Object[64];
    private int sequence;
    private int chunksDone;
    private boolean stopped;

    WorkerLoop(WorkerSpec spec, SpscRing tasks, WorkerStatus status, ResultSender sender) {
        this.spec = spec;
        this.tasks = tasks;
        this.status = status;
        this.sender = sender;
        this.waiting = new IdleSpin(spec.spinNanos, spec.yields);
    }

    void run() throws InterruptedException {
        WaitCondition taskWaiting = () -> !tasks.isEmpty();
        while (!stopped) {
            if (tasks.drain(this, 1) == 0) {
                waiting.await(tasks.notEmpty(), taskWaiting, WaitStrategy.FOREVER);
            }
        }
    }

    @Override
    public void onMessage(int type, MemorySegment buffer, long offset, int length) {
        switch (type) {
            case TaskMessageLayout.TASK -> runTasks(buffer, offset, length);
            case TaskMessageLayout.DEFINE -> define(buffer, offset, length);
            case TaskMessageLayout.FORGET -> functions.clear();
            case TaskMessageLayout.STOP -> stopped = true;
            default -> throw new IllegalStateException("pool " + spec.poolName + ": task message type=" + type
                + " (expected: 1 to 4)");
        }
    }

    private void define(MemorySegment buffer, long offset, int length) {
        int id = buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset + FUNCTION_OFFSET);
        PoolFunction.Kind kind = PoolFunction.Kind.ofOrdinal(
            buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset + TaskMessageLayout.DEFINE_KIND_OFFSET));
        byte[] bytes = buffer.asSlice(offset + TaskMessageLayout.DEFINE_HEADER_LENGTH,
            length - TaskMessageLayout.DEFINE_HEADER_LENGTH).toArray(ValueLayout.JAVA_BYTE);
        try {
            functions.put(id, new Defined(kind, ProcessSerialization.read(bytes), null));
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError unreadable) {
            functions.put(id, new Defined(kind, null, new CodecException("pool " + spec.poolName
                + ": the function cannot be read in the worker: " + unreadable, unreadable)));
        }
    }

    private void runTasks(MemorySegment buffer, long offset, int length) {
        int messageSequence = ++sequence;
        long started = System.nanoTime();
        int count = buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset + COUNT_OFFSET);
        int arity = buffer.get(ValueLayout.JAVA_BYTE, offset + ARITY_OFFSET);
        byte encoding = buffer.get(ValueLayout.JAVA_BYTE, offset + ENCODING_OFFSET);
        boolean endOfChunk = (buffer.get(ValueLayout.JAVA_BYTE, offset + FLAGS_OFFSET)
            & TaskMessageLayout.END_OF_CHUNK) != 0;
        Defined function = functions.get(buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset + FUNCTION_OFFSET));
        if (results.length < count) {
            results = new Object[Math.max(count, results.length * 2)];
        }
        int done = 0;
        try {
            ValueCodec.Reader arguments = new ValueCodec.Reader(encoding, buffer, offset + HEADER_LENGTH,
                length - HEADER_LENGTH);
            CodecException unusable = function == null
                ? new CodecException("pool " + spec.poolName + ": the task's function was never defined")
                : function.unreadable();
            for (; done < count; done++) {
                status.record(spec.slot, messageSequence, done);
                Object first = arity > 0 ? arguments.next() : null;
                Object second = arity > 1 ? arguments.next() : null;
                results[done] = unusable != null ? FailureReport.of(unusable) : call(function, first, second);
            }
        } catch (CodecException damaged) {
            // A message this worker cannot read: its remaining tasks fail, the worker goes on.
            FailureReport report = FailureReport.of(damaged);
            Arrays.fill(results, done, count, report);
        }
        status.record(spec.slot, messageSequence, count);
        sender.send(messageSequence, results, count, System.nanoTime() - started);
        Arrays.fill(results, 0, count, null);
        if (endOfChunk && spec.maxTasks > 0 && ++chunksDone >= spec.maxTasks) {
            stopped = true;
        }
    }

    private static Object call(Defined function, Object first, Object second) {
        if (first == ValueCodec.SKIPPED || second == ValueCodec.SKIPPED) {
            return null; // failed in the pool already: never sent
        }
        if (first instanceof ValueCodec.Unreadable unreadable) {
            return FailureReport.of(unreadable.failure());
        }
        if (second instanceof ValueCodec.Unreadable unreadable) {
            return FailureReport.of(unreadable.failure());
        }
        try {
            return PoolFunction.invoke(function.kind(), function.function(), first, second);
        } catch (Throwable failure) {
            return FailureReport.of(failure);
        } finally {
            Thread.interrupted(); // a task's interrupt must not end the worker's next wait
        }
    }
}
