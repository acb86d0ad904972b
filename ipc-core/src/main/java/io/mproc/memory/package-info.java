/**
 * The memory layer: named files mapped into several processes, and the ordered accesses made
 * on them. The bottom of mproc; it uses only the JDK (FFM mapping, {@code java.nio.file}).
 *
 * <p>A {@link io.mproc.memory.RegionNamespace} is a private directory of
 * {@link io.mproc.memory.Region}s. Each region starts with a self-describing
 * {@link io.mproc.memory.RegionHeaderLayout header} that attach checks before use. A region
 * is serialisable as a {@link io.mproc.memory.RegionHandle}, which attaches the same file in
 * the process that reads it.
 *
 * <h2>Memory-ordering rules for all of mproc</h2>
 * Every shared access goes through {@link io.mproc.memory.OrderedAccess}, whose method names
 * carry the mode. The pairings every layer relies on:
 * <ul>
 *   <li>A writer makes data visible by a <b>release</b> store of the word that says it is there
 *       (a position, a length, a sequence, a ready flag); a reader <b>acquire</b>-loads that
 *       word before it reads the data. Plain accesses are used only for data covered by such a
 *       pair.</li>
 *   <li>Competing writers claim with a <b>compare-and-set</b> (or get-and-add); the winner then
 *       owns the claimed bytes until its release store gives them away.</li>
 *   <li>Going to sleep needs a <b>store-load</b> fence on both sides (waiter: announce, then
 *       re-check; waker: publish, then look for waiters), so that at least one of them sees the
 *       other; see the wait layer.</li>
 *   <li><b>Opaque</b> is for values that may be stale without harm, such as a cached copy of
 *       the other side's position that is re-read with acquire before anyone waits on it.</li>
 * </ul>
 */
package io.mproc.memory;
