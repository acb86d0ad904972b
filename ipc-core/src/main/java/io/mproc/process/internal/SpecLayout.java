package io.mproc.process.internal;

import io.mproc.memory.OrderedAccess;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The body of a spec region ({@code <id>.spec}): an encoded {@link LaunchSpec} ({@link SpecCodec
 * compact} or Java-serialised) behind its length.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |  Length (int): bytes of spec that follow                      |  0
 *  +---------------------------------------------------------------+
 *  |  Padding                                                      |  4
 *  +---------------------------------------------------------------+
 *  |  Encoded spec ...                                             |  8
 * </pre>
 *
 * <p>A cold child's spec travels in its standard input ({@link SpecPipe}); only one too large
 * for that gets a spec region, written whole before the child is launched. A standby
 * JVM's is made with room for {@link #STANDBY_CAPACITY} bytes when the standby is launched, so
 * that the hand-over writes into memory both sides have mapped already; the parent writes the
 * length and bytes with plain stores and publishes them with the release store of the control
 * block's spec word, which the standby acquires before it reads. A spec too large for it goes
 * into a region of its own ({@code <id>.spec-large}, {@link ControlLayout#SPEC_PUBLISHED_LARGE}).
 * Until the hand-over, a standby's spec region holds the classes it is to preload
 * ({@link StandbyPreload}).
 */
public final class SpecLayout {
    private SpecLayout() {
    }

    public static final long LENGTH_OFFSET = 0;
    public static final long BYTES_OFFSET = 8;
    /** Room for a spec in a standby JVM's spec region. */
    public static final int STANDBY_CAPACITY = 256 * 1024;

    /** Body size of a spec region that holds {@code specBytes} bytes. */
    public static long bodySize(int specBytes) {
        return BYTES_OFFSET + specBytes;
    }

    /** Whether {@code bytes} bytes fit a standby's spec region. */
    public static boolean fits(int bytes) {
        return bodySize(bytes) <= STANDBY_CAPACITY;
    }

    /** Writes {@code spec} into {@code body} (plain: published by the spec word or the region's ready flag). */
    public static void write(MemorySegment body, byte[] spec) {
        if (BYTES_OFFSET + spec.length > body.byteSize()) {
            throw new IllegalArgumentException("spec of " + spec.length + " bytes (expected: at most "
                + (body.byteSize() - BYTES_OFFSET) + ")");
        }
        MemorySegment.copy(spec, 0, body, ValueLayout.JAVA_BYTE, BYTES_OFFSET, spec.length);
        OrderedAccess.setIntPlain(body, LENGTH_OFFSET, spec.length);
    }

    /** Reads the spec bytes (plain: the caller acquired the spec word or attached the region). */
    public static byte[] read(MemorySegment body) {
        int length = OrderedAccess.getIntPlain(body, LENGTH_OFFSET);
        if (length < 0 || BYTES_OFFSET + length > body.byteSize()) {
            throw new IllegalStateException("spec region says " + length + " bytes in a body of " + body.byteSize());
        }
        return body.asSlice(BYTES_OFFSET, length).toArray(ValueLayout.JAVA_BYTE);
    }
}
