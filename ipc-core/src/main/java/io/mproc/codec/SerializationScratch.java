package io.mproc.codec;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Per-thread buffer for Java serialization: {@code encodedLength} serializes into it (that is
 * where a non-serializable element fails, before any ring space is claimed), and the
 * {@code encode} that follows copies it into the claimed space.
 */
final class SerializationScratch extends ByteArrayOutputStream {
    private static final ThreadLocal<SerializationScratch> SCRATCH = ThreadLocal.withInitial(SerializationScratch::new);
    /** A buffer grown past this by one large element is dropped after use, not kept per thread. */
    private static final int KEEP_AT_MOST = 1 << 20;

    /** The element the buffer holds, compared by identity. */
    private Object element;

    private SerializationScratch() {
        super(512);
    }

    /** Serializes {@code element} into this thread's buffer and returns it. */
    static SerializationScratch prepare(Object element) {
        SerializationScratch scratch = SCRATCH.get();
        scratch.reset();
        scratch.element = null;
        SerialFilter.serializeInto(element, scratch);
        scratch.element = element;
        return scratch;
    }

    /** This thread's buffer if it holds {@code element} (just prepared), else null. */
    static SerializationScratch holding(Object element) {
        SerializationScratch scratch = SCRATCH.get();
        return scratch.element == element ? scratch : null;
    }

    /** Forgets the prepared element (a later encode of it must not reuse stale bytes). */
    static void forget() {
        SCRATCH.get().element = null;
    }

    int length() {
        return count;
    }

    /** Copies the serialized bytes to {@code target} and releases the element. */
    void copyTo(MemorySegment target, long offset) {
        MemorySegment.copy(buf, 0, target, ValueLayout.JAVA_BYTE, offset, count);
        element = null;
        if (buf.length > KEEP_AT_MOST) {
            buf = new byte[512];
            count = 0;
        }
    }
}
