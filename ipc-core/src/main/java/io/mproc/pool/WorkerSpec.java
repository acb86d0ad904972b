package io.mproc.pool;

import io.mproc.process.SerializableConsumer;
import java.io.Serial;
import java.io.Serializable;

/**
 * What a worker JVM needs to serve its pool: where the pool's regions are, which slot and
 * generation it is, its initializer and its task budget. The argument of the worker's process
 * target ({@link PoolWorker#serve}). A plain class, not a record: a cold JVM deserializes a
 * record through method handles it must first spin, which costs milliseconds.
 */
final class WorkerSpec implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    final String poolName;
    final String root;
    final String namespace;
    final String taskRing;
    final String resultRing;
    final String statusRegion;
    final int slot;
    final int generation;
    /** Tasks (chunks) after which the worker exits; 0 for no limit. */
    final int maxTasks;
    /** How long an idle worker polls its task ring before it yields, then sleeps. */
    final long spinNanos;
    final int yields;
    @SuppressWarnings("serial") // the builder only accepts serializable initializers and arguments
    final SerializableConsumer<Object> initializer;
    @SuppressWarnings("serial")
    final Object initializerArgument;

    WorkerSpec(String poolName, String root, String namespace, String taskRing, String resultRing, String statusRegion,
               int slot, int generation, int maxTasks, long spinNanos, int yields, SerializableConsumer<Object> initializer,
               Object initializerArgument) {
        this.poolName = poolName;
        this.root = root;
        this.namespace = namespace;
        this.taskRing = taskRing;
        this.resultRing = resultRing;
        this.statusRegion = statusRegion;
        this.slot = slot;
        this.generation = generation;
        this.maxTasks = maxTasks;
        this.spinNanos = spinNanos;
        this.yields = yields;
        this.initializer = initializer;
        this.initializerArgument = initializerArgument;
    }
}
