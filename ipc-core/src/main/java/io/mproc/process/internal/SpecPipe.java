package io.mproc.process.internal;

import io.mproc.memory.ProcessIdentity;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The one message a parent writes into a cold child's standard input, right after launching
 * it: who the parent is, and the spec when it is small. The child reads it first thing in
 * {@code main}, with plain file I/O, and can start the target before it has mapped any region;
 * then the pipe goes on as the {@link Lifeline}, which the parent never writes to again.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |  Magic (int) 'MPP1'                                           |  0
 *  +---------------------------------------------------------------+
 *  |  Parent Pid (int)                                             |  4
 *  +---------------------------------------------------------------+
 *  |  Parent Start Time (long)                                     |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |  Spec Length (int)  -1: the spec is in the region &lt;id&gt;.spec   | 16
 *  +---------------------------------------------------------------+
 *  |  Spec bytes ...                                               | 20
 * </pre>
 *
 * <p>A message is at most {@value #CAPACITY} bytes, which a pipe always takes without blocking
 * (Linux gives every pipe at least one page), so the parent's {@code start()} never waits for
 * the child to boot; a larger spec goes into a region, as a standby's large spec does. Big
 * endian, as {@link java.io.DataOutputStream} writes.
 */
public final class SpecPipe {
    private SpecPipe() {
    }

    static final int MAGIC = 0x4D505031;
    static final int PARENT_PID_OFFSET = Integer.BYTES;
    static final int PARENT_START_OFFSET = PARENT_PID_OFFSET + Integer.BYTES;
    static final int SPEC_LENGTH_OFFSET = PARENT_START_OFFSET + Long.BYTES;
    static final int HEADER = SPEC_LENGTH_OFFSET + Integer.BYTES;
    /** Bytes a message may have: one page, what any pipe holds. */
    public static final int CAPACITY = 4096;
    /** Spec Length of a spec that is in its region. */
    static final int IN_REGION = -1;

    /** What the child reads: its parent, and its spec (null when the spec is in its region). */
    record Message(ProcessIdentity parent, byte[] spec) {
    }

    /** Whether a spec of {@code length} bytes travels in the message. */
    public static boolean fits(int length) {
        return length <= CAPACITY - HEADER;
    }

    /**
     * Parent: writes the message for a child of {@code parent} to {@code pipe}, with
     * {@code spec} in it, or null when the spec is in its region; does not close the pipe.
     */
    public static void write(OutputStream pipe, ProcessIdentity parent, byte[] spec) throws IOException {
        if (spec != null && !fits(spec.length)) {
            throw new IllegalArgumentException("spec of " + spec.length + " bytes (expected: at most "
                + (CAPACITY - HEADER) + " in the pipe)");
        }
        ByteBuffer message = ByteBuffer.allocate(HEADER + (spec == null ? 0 : spec.length))
            .putInt(MAGIC)
            .putInt(parent.pid())
            .putLong(parent.startTime())
            .putInt(spec == null ? IN_REGION : spec.length);
        if (spec != null) {
            message.put(spec);
        }
        pipe.write(message.array());
        pipe.flush();
    }

    /**
     * Child: reads the message from {@code pipe}, exactly its bytes (what follows belongs to the
     * lifeline).
     *
     * @throws EOFException when the pipe closed first (the parent is gone)
     * @throws IOException  when the bytes are not such a message
     */
    static Message read(InputStream pipe) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(readFully(pipe, HEADER));
        if (header.getInt(0) != MAGIC) {
            throw new IOException("standard input does not begin with mproc's spec message");
        }
        ProcessIdentity parent = new ProcessIdentity(header.getInt(PARENT_PID_OFFSET),
            header.getLong(PARENT_START_OFFSET));
        int length = header.getInt(SPEC_LENGTH_OFFSET);
        if (length == IN_REGION) {
            return new Message(parent, null);
        }
        if (length < 0 || !fits(length)) {
            throw new IOException("spec message says " + length + " bytes");
        }
        return new Message(parent, readFully(pipe, length));
    }

    private static byte[] readFully(InputStream pipe, int length) throws IOException {
        byte[] bytes = pipe.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("standard input closed after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }
}
