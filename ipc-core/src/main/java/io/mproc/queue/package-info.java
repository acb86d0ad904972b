/**
 * Queues between processes: {@link io.mproc.queue.SharedQueue} (Python's
 * {@code multiprocessing.Queue}, as a {@link java.util.concurrent.BlockingQueue}) and
 * {@link io.mproc.queue.JoinableQueue}. Part of the primitives layer: it uses the memory,
 * wait and ring layers and the codec package, never the process or pool layers.
 *
 * <p>A queue named {@code q} is two regions in its namespace: {@code q.ring}, a bounded
 * {@link io.mproc.ring.MpmcRing} of encoded elements, and {@code q.queue}, its shared state
 * ({@link io.mproc.queue.QueueStateLayout}: shape, the closed flag, the unfinished-task count
 * and its wait point). Any process attaches by name, or receives the queue itself as a
 * serialized handle.
 *
 * <p>The hot path is the ring's: a put is one encode straight into the claimed slot plus the
 * ring's claim and commit; a take is the ring's poll with a per-thread decoder. Besides the
 * ring, each call reads the closed flag (a line nobody writes until close); a joinable queue
 * also updates its task count.
 */
package io.mproc.queue;
