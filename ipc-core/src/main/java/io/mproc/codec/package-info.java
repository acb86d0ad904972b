/**
 * The codec layer: how an element becomes the bytes of one ring message and back. Part of the
 * primitives layer; it uses only the JDK (FFM {@link java.lang.foreign.MemorySegment}s, Java
 * serialization) and is used by the queue, pipe and process layers. It never touches shared
 * memory on its own: the caller hands it the mapped bytes to write or read.
 *
 * <ul>
 *   <li>{@link io.mproc.codec.Codec}: the SPI, in two steps so that a producer knows the exact
 *       length before it claims ring space (nothing half-written ever becomes visible).</li>
 *   <li>{@link io.mproc.codec.Codecs}: the built-in codecs. Allocation-free on the writing side
 *       for boxed primitives, {@code String} and {@code byte[]}; records of those without
 *       reflection on the hot path; anything {@link java.io.Serializable} through Java
 *       serialization.</li>
 *   <li>{@link io.mproc.codec.SerialFilter}: the {@link java.io.ObjectInputFilter} every Java
 *       deserialization in mproc goes through. Its default allow-list is the JDK's value types,
 *       enums, records of allowed types and mproc's own handle types; users add patterns. A
 *       class outside it is refused before any of its code (constructor, {@code readObject})
 *       can run.</li>
 * </ul>
 */
package io.mproc.codec;
