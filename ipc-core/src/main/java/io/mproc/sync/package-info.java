/**
 * Synchronisation between processes: Python's {@code Lock}, {@code RLock}, {@code Condition},
 * {@code Semaphore}, {@code BoundedSemaphore}, {@code Event} and {@code Barrier}, in the shapes
 * of {@code java.util.concurrent}. A primitives-layer package: it uses the memory layer
 * (regions, {@link io.mproc.memory.OrderedAccess}, {@link io.mproc.memory.ProcessIdentity})
 * and the wait layer (futex wait points, wait strategies); never the ring, process or pool
 * layers.
 *
 * <h2>Objects</h2>
 * Each object is a named region of its own in a {@link io.mproc.memory.RegionNamespace}
 * ({@code create}, {@code attach} by name from any process, {@code createOrAttach}), with a
 * {@code *Layout} class describing its bytes. Each is {@link java.io.Serializable} as a small
 * {@code Handle} record (namespace root, namespace, name) whose {@code readResolve} attaches in
 * the receiving JVM; deserialise behind {@link io.mproc.sync.RegionBinding#HANDLE_FILTER}.
 * {@code close()} unmaps a handle in its process; the namespace that created an object unlinks
 * it when it closes.
 *
 * <table>
 *   <caption>The objects and what a process killed with SIGKILL leaves behind</caption>
 *   <tr><th>object</th><th>Python</th><th>killed while it ...</th></tr>
 *   <tr><td>{@link io.mproc.sync.SharedLock}</td><td>{@code Lock}</td>
 *       <td>held it: the next acquirer takes it over and
 *       {@link io.mproc.sync.SharedMutex#previousOwnerDied()} says so</td></tr>
 *   <tr><td>{@link io.mproc.sync.SharedRLock}</td><td>{@code RLock}</td><td>the same, any hold count</td></tr>
 *   <tr><td>{@link io.mproc.sync.SharedCondition}</td><td>{@code Condition}</td>
 *       <td>waited: its slot is freed; a signal it got goes to the next waiter</td></tr>
 *   <tr><td>{@link io.mproc.sync.SharedSemaphore}</td><td>{@code Semaphore}, {@code BoundedSemaphore}</td>
 *       <td>held permits: they come back (per-process ledger)</td></tr>
 *   <tr><td>{@link io.mproc.sync.SharedEvent}</td><td>{@code Event}</td><td>nothing is held: no effect</td></tr>
 *   <tr><td>{@link io.mproc.sync.SharedBarrier}</td><td>{@code Barrier}</td>
 *       <td>waited: the cycle breaks, every waiter gets {@code BrokenBarrierException}</td></tr>
 * </table>
 *
 * <h2>Waiting and dead processes</h2>
 * Waiters spin briefly and then sleep on a futex (the default
 * {@link io.mproc.wait.WaitStrategy}; each object's {@code setWaitStrategy} can choose
 * {@code busySpin}). Every blocking wait ends at least every 100 ms to check whether a process
 * it depends on has died (by pid and start time, so a reused pid is not mistaken for the dead
 * process); the check reads {@code /proc} and never runs on a fast path. A thread that ends
 * without releasing in a process that keeps running is not detected, as with Java's own locks.
 *
 * <h2>Memory ordering</h2>
 * As everywhere in mproc: the word that hands something over (a lock's owner word, a slot's
 * state, an event's flag, a barrier's generation) is written with a release store or a
 * compare-and-set, and read with an acquire load or a compare-and-set, before any plain access
 * to what it guards. Each {@code *Layout} names the mode of every field.
 */
package io.mproc.sync;
