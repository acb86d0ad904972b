package io.mproc.pool;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.LaunchSettings;
import io.mproc.process.SerializableConsumer;
import io.mproc.process.StandbyJvms;

/**
 * A pool's configuration, checked by the {@link ProcessPool.Builder}.
 *
 * @param name                the pool's name, also the prefix of its regions and workers
 * @param workers             how many worker processes
 * @param initializer         run once in each worker before its first task, or null
 * @param initializerArgument the initializer's argument
 * @param maxTasksPerChild    tasks (chunks) after which a worker is replaced; 0 for never
 * @param launchSettings      how worker JVMs are launched (cold)
 * @param standby             where warm workers come from, or null for cold starts
 * @param namespace           where the pool's regions go, or null for a namespace of its own
 * @param retries             how often a task whose worker died under it is sent again
 * @param maxMessageBytes     the largest message, both ways
 * @param spinNanos           how long an idle worker, the result thread and a caller waiting for
 *                            a result poll before they yield
 * @param yields              yields before sleeping on the futex
 */
record PoolSettings(String name, int workers, SerializableConsumer<Object> initializer, Object initializerArgument,
                    int maxTasksPerChild, LaunchSettings launchSettings, StandbyJvms standby,
                    RegionNamespace namespace, int retries, int maxMessageBytes, long spinNanos, int yields) {
}
