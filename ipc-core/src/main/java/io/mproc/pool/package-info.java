/**
 * The pool layer: Python's {@code multiprocessing.Pool}, also a
 * {@link java.util.concurrent.ExecutorService}, over worker JVMs fed through shared memory
 * ({@link io.mproc.pool.ProcessPool}). The top layer: it uses the public API of the process
 * layer (worker JVMs, warm starts, exit codes; {@link io.mproc.process.ProcessSerialization}
 * and {@link io.mproc.process.FailureReport} for functions, values and exceptions, so that they
 * travel exactly as a process's do), never its {@code internal} package; the ring layer (its
 * transport), the wait layer and the memory layer; nothing uses it.
 *
 * <h2>How tasks travel</h2>
 * <pre>
 *   callers ──submit──&gt; Scheduler (one lock) ──TASK/DEFINE/STOP──&gt; task ring of worker 0 ──&gt; worker 0
 *                        │  jobs, batches,                       (SPSC, one per worker)      │
 *                        │  what each worker                                                   │ RESULT, READY
 *                        │  was sent                  task ring of worker 1 ──&gt; worker 1 ─────┤
 *                        ^                                                                     v
 *                        └──answered, pump── result thread (ResultCollector) &lt;── result ring (MPSC, one per pool)
 * </pre>
 * Every worker has a task ring of its own, written only by the pool, so the pool knows exactly
 * which messages each worker received; the worker records in the status region
 * ({@link io.mproc.pool.WorkerStatusLayout}) which task it is running. All workers answer
 * through one result ring, read by the pool's result thread, which also learns there when a
 * worker's process ended (after every result that worker sent). So when a worker dies, the
 * pool knows which task it was running (that one fails), which it had not started (they are
 * sent to other workers) and which results are still to come (none).
 *
 * <p>A function travels once per worker (a DEFINE message); then every batch of tasks names it
 * by number. A batch of tasks whose arguments are all of one boxed number type costs four or
 * eight bytes a task ({@link io.mproc.pool.ValueCodec}), and so does a batch of such results.
 * Each worker is sent only a little work ahead ({@link io.mproc.pool.Worker#credit()}); the rest
 * waits in the pool, where any worker that frees up takes it.
 *
 * <p>The message formats are drawn in {@link io.mproc.pool.TaskMessageLayout} and
 * {@link io.mproc.pool.ResultMessageLayout}; fields there are plain accesses, published by the
 * rings' release commits. The pool's own threads: the result thread, a launcher thread for
 * replacement workers, and a watcher thread per worker process. A caller about to wait for a
 * result reads the result ring itself for the pool's spin time while the result thread steps
 * aside ({@link io.mproc.pool.ResultCollector#help}): a quick {@code apply} is then a round trip
 * between two threads, the caller and a worker, with nobody asleep.
 */
package io.mproc.pool;
