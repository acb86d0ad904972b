/**
 * The ring layer: lock-free ring buffers of variable-length messages in shared-memory
 * regions, written and read by any processes that attach them. Uses the memory layer
 * (regions, {@link io.mproc.memory.OrderedAccess}) and the wait layer (wait points it signals
 * after every commit and consume); never a higher layer.
 *
 * <table>
 *   <caption>The rings</caption>
 *   <tr><th>ring</th><th>who may use it at once</th><th>commit</th><th>progress</th>
 *       <th>a process killed mid-operation</th></tr>
 *   <tr><td>{@link io.mproc.ring.SpscRing}</td><td>one producer, one consumer thread</td>
 *       <td>release store of the record's length word</td><td>wait-free</td>
 *       <td>producer: uncommitted message invisible, successor recovers the position;
 *           consumer: in-flight batch redelivered</td></tr>
 *   <tr><td>{@link io.mproc.ring.MpscRing}</td><td>many producers, one consumer thread</td>
 *       <td>CAS on the tail claims; release store of the positive length commits</td>
 *       <td>producers lock-free; consumer wait-free but for a live, slow claimer</td>
 *       <td>producer: its claim is skipped (message lost, never sent), found through the
 *           record's pid or the announce table; consumer: in-flight batch redelivered</td></tr>
 *   <tr><td>{@link io.mproc.ring.MpmcRing}</td><td>many producers, many consumers</td>
 *       <td>CAS on the slot's control word (lap, state, owner pid) claims; release store
 *           of FULL commits</td><td>lock-free among live threads; a slow writer holds up
 *           consumers at its slot</td>
 *       <td>producer: slot freed, message lost (never sent); consumer: slot freed, the
 *           message it held is lost (at most once)</td></tr>
 * </table>
 *
 * <p>Dead owners are recognised by pid and start time ({@link io.mproc.memory.ProcessIdentity}),
 * so a recycled pid is not taken for the owner. Liveness is checked only on the slow path,
 * after a position has stayed blocked for about a millisecond.
 *
 * <p>Every shared access names its ordering mode (see the memory layer's package
 * documentation for the pairing rules); each {@code *Layout} class draws its structure.
 */
package io.mproc.ring;
