/**
 * Queues between processes: {@link io.mproc.queue.SharedQueue} (Python's
 * {@code multiprocessing.Queue}, as a {@link java.util.concurrent.BlockingQueue}) and
 * {@link io.mproc.queue.JoinableQueue}. Part of the primitives layer: it uses the memory,
 * wait and ring layers and the codec package, never the process or pool layers.
 *
 * <p>A queue named {@code q} is two regions in its namespace: {@code q.ring}, its ring of
 * encoded elements, and {@code q.queue}, its shared state
 * ({@link io.mproc.queue.QueueStateLayout}: sizes, shape, the closed flag, the unfinished-task
 * count and its wait point, the element counts of a one-to-one queue). The ring follows the
 * queue's {@link io.mproc.queue.QueueShape}: a bounded {@link io.mproc.ring.MpmcRing} for any
 * number of producers and consumers, an {@link io.mproc.ring.SpscRing} for one of each
 * ({@code QueueRing} hides which). Any process attaches by name, or receives the queue itself
 * as a serialized handle.
 *
 * <p>{@code SharedQueue} is the public face: its API, argument checks and snapshots. Its work
 * is done by package-private parts, one per concern: {@code PutSide} (checking, encoding and
 * writing elements, a joinable queue's task count), {@code TakeSide} (the polls, with each
 * thread's decoding {@code Taker}) and {@code QueueWaiter} (how blocked calls wait).
 *
 * <p>The hot path is the ring's: a put is one encode straight into the claimed space plus the
 * ring's claim and commit; a take is the ring's poll with a per-thread decoder. Besides the
 * ring, each call reads the closed flag (a line nobody writes until close); a one-to-one queue
 * also loads and stores its side's element count (a line only that side writes); a joinable
 * queue also updates its task count.
 */
package io.mproc.queue;
