/**
 * Shared values: Python's {@code Value}, {@code Array} and {@code shared_memory.SharedMemory}.
 * A primitives-layer package: it uses the memory layer and {@link io.mproc.sync} (the arrays'
 * optional lock, the region binding behind every handle); never the ring, process or pool
 * layers.
 *
 * <ul>
 *   <li>{@link io.mproc.shared.SharedLong}, {@link io.mproc.shared.SharedInt},
 *       {@link io.mproc.shared.SharedDouble}: one number each, with the atomic operations of
 *       {@code java.util.concurrent.atomic} across processes (Python's {@code v.value += 1} is
 *       not atomic; {@code incrementAndGet()} is).</li>
 *   <li>{@link io.mproc.shared.SharedLongArray}, {@link io.mproc.shared.SharedIntArray},
 *       {@link io.mproc.shared.SharedDoubleArray}, {@link io.mproc.shared.SharedByteArray}:
 *       fixed-length arrays with atomic elements, and optionally a
 *       {@link io.mproc.sync.SharedRLock} for updates across elements.</li>
 *   <li>{@link io.mproc.shared.SharedMemory}: a named block of raw bytes as a
 *       {@link java.lang.foreign.MemorySegment}.</li>
 * </ul>
 * Each is a named region in a {@link io.mproc.memory.RegionNamespace}, created, attached by
 * name, or received as a serialised {@code Handle}. Values hold nothing: a process killed at
 * any point leaves every element as its last completed write made it.
 */
package io.mproc.shared;
