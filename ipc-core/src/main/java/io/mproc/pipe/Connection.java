package io.mproc.pipe;

import io.mproc.codec.Codec;
import io.mproc.codec.CodecException;
import io.mproc.memory.RegionNamespace;
import io.mproc.ring.SpscRing;
import io.mproc.wait.WaitStrategy;
import java.io.EOFException;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Objects;

/**
 * One end of a {@link Pipe}: Python's {@code multiprocessing.connection.Connection}.
 *
 * <p><b>Messages.</b> {@link #send} / {@link #recv} carry objects through the pipe's codec;
 * {@link #sendBytes} / {@link #recvBytes} / {@link #recvBytesInto} carry bytes. Boundaries are
 * kept: one send is one receive, empty messages included. A message longer than an eighth of
 * the ring (32 KiB by default) travels in chunks, so any size that fits in memory goes through
 * (the receiver assembles it while the sender writes).
 *
 * <p><b>End of file.</b> Once the peer end is closed, or the process holding it has died, and
 * every message it sent has been received, {@code recv*} throws {@link EOFException} (Python's
 * {@code EOFError}) and {@link #poll} returns true (a receive would not block). A sender whose
 * peer is gone gets an {@link IOException} (Python's {@code BrokenPipeError}). A dead holder is
 * noticed by a blocked call within about 20 ms.
 *
 * <p><b>Errors.</b> Every method of a closed end throws {@link IOException} "connection NAME is
 * closed" (Python's {@code OSError}); sending on the reader of a one-way pipe, or receiving on
 * its writer, says which it is. Bad offsets or sizes throw {@link IndexOutOfBoundsException}
 * naming them. A message longer than {@code maxLength} is taken and dropped with an
 * {@link IOException} (the connection stays usable, unlike Python's); one too long for the
 * buffer throws {@link BufferTooShortException} carrying it. An object the codec cannot
 * encode fails in {@code send} ({@link CodecException}) with nothing sent; one it cannot decode
 * fails in {@code recv} and the next message is received normally.
 *
 * <p><b>Threads.</b> Each direction is a single-producer, single-consumer ring: at any time one
 * thread may send and one thread may receive (or poll) on an end (Python's connections are not
 * thread-safe either). Handing an end to another thread needs a happens-before edge.
 *
 * <p><b>Handles and closing.</b> An end is {@link Serializable} as a handle; the process that
 * receives it becomes the end's holder, and the sender's copy then closes locally only (Python's
 * "close the child's end in the parent" idiom). {@link #close()} by the holder closes the end
 * for its peer. An end that is travelling (serialized, not yet received) counts as alive.
 *
 * <p><b>SIGKILL.</b> A sender killed mid-message leaves nothing half-received: a record is
 * visible whole or not at all, and the reader of a long message that stops arriving gets an
 * {@link IOException} ("peer ... died in the middle of a message") instead of part of it.
 */
public final class Connection implements AutoCloseable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient RegionNamespace namespace;
    private final String pipe;
    private final transient int end;
    private final transient int peer;
    private final transient PipeState state;
    private final transient SpscRing out;
    private final transient SpscRing in;
    private final transient Codec<Object> codec;
    private final transient int chunk;
    private final transient FrameReader reader;
    private final transient PeerWaiter waiter;
    private transient boolean closed;

    Connection(RegionNamespace namespace, String pipe, int end, PipeState state, SpscRing out, SpscRing in,
               Codec<Object> codec, WaitStrategy waitStrategy) {
        this.namespace = namespace;
        this.pipe = pipe;
        this.end = end;
        this.peer = 1 - end;
        this.state = state;
        this.out = out;
        this.in = in;
        this.codec = codec;
        this.chunk = (out != null ? out : in).maxMessageLength();
        if (out != null) {
            // The ring has twice the pipe's ringBytes: see Pipe.create.
            out.limitInFlight((int) (out.capacity() / 2));
        }
        this.reader = new FrameReader(codec);
        this.waiter = new PeerWaiter(toString(), state, peer, out, in, waitStrategy);
    }

    // ---------------------------------------------------------------- sending

    /** Sends {@code message} through the pipe's codec. */
    public void send(Object message) throws IOException {
        Objects.requireNonNull(message, "message");
        requireWritable();
        int length;
        try {
            length = codec.encodedLength(message);
        } catch (CodecException failed) {
            throw new CodecException(this + ": " + failed.getMessage(), failed);
        }
        if (length > chunk) {
            byte[] encoded = new byte[length];
            codec.encode(message, MemorySegment.ofArray(encoded), 0);
            sendChunks(encoded, 0, length);
            return;
        }
        long index = claim(FrameReader.WHOLE, length);
        try {
            codec.encode(message, out.buffer(), index);
        } catch (RuntimeException | Error failed) {
            out.abort(index);
            throw failed;
        }
        out.commit(index);
    }

    /** Sends all of {@code bytes} as one message. */
    public void sendBytes(byte[] bytes) throws IOException {
        sendBytes(bytes, 0, bytes.length);
    }

    /**
     * Sends {@code size} bytes from {@code offset} as one message.
     *
     * @throws IndexOutOfBoundsException if offset or size fall outside {@code bytes}
     */
    public void sendBytes(byte[] bytes, int offset, int size) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        if (offset < 0 || offset > bytes.length) {
            throw new IndexOutOfBoundsException("offset=" + offset + " (expected: 0 to " + bytes.length + ")");
        }
        if (size < 0 || size > bytes.length - offset) {
            throw new IndexOutOfBoundsException("size=" + size + " (expected: 0 to " + (bytes.length - offset)
                + " for offset=" + offset + " in " + bytes.length + " bytes)");
        }
        requireWritable();
        if (size > chunk) {
            sendChunks(bytes, offset, size);
            return;
        }
        long index = claim(FrameReader.WHOLE, size);
        MemorySegment.copy(bytes, offset, out.buffer(), ValueLayout.JAVA_BYTE, index, size);
        out.commit(index);
    }

    private void sendChunks(byte[] bytes, int offset, int size) throws IOException {
        int first = chunk - Integer.BYTES;
        long index = claim(FrameReader.FIRST, chunk);
        out.buffer().set(ValueLayout.JAVA_INT_UNALIGNED, index, size);
        MemorySegment.copy(bytes, offset, out.buffer(), ValueLayout.JAVA_BYTE, index + Integer.BYTES, first);
        out.commit(index);
        for (int sent = first; sent < size; sent += chunk) {
            int length = Math.min(chunk, size - sent);
            index = claim(FrameReader.MORE, length);
            MemorySegment.copy(bytes, offset + sent, out.buffer(), ValueLayout.JAVA_BYTE, index, length);
            out.commit(index);
        }
    }

    /** Claims ring space, waiting while the ring is full; fails if the peer is gone. */
    private long claim(int type, int length) throws IOException {
        long index;
        while ((index = out.tryClaim(type, length)) < 0) {
            if (waiter.peerGone(true)) {
                throw new IOException(this + ": the peer end is closed or its process died (broken pipe)");
            }
            waiter.awaitRoom();
            requireOpen();
        }
        return index;
    }

    // ---------------------------------------------------------------- receiving

    /** Receives the next object, waiting for it. */
    public Object recv() throws IOException {
        receive(true);
        try {
            return reader.decoded();
        } catch (CodecException failed) {
            throw new CodecException(this + ": cannot decode a message (it is dropped; the connection goes on): "
                + failed.getMessage(), failed);
        }
    }

    /** Receives the next message as bytes, waiting for it. */
    public byte[] recvBytes() throws IOException {
        receive(false);
        return reader.bytes();
    }

    /**
     * As {@link #recvBytes()}; a message longer than {@code maxLength} is taken and dropped
     * with an {@link IOException} (the connection stays usable).
     */
    public byte[] recvBytes(int maxLength) throws IOException {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength=" + maxLength + " (expected: >= 0)");
        }
        byte[] message = recvBytes();
        if (message.length > maxLength) {
            throw new IOException(this + ": a message of " + message.length + " bytes is longer than maxLength="
                + maxLength + " (it was dropped)");
        }
        return message;
    }

    /** Receives the next message into {@code buffer}; returns its length. */
    public int recvBytesInto(byte[] buffer) throws IOException {
        return recvBytesInto(buffer, 0);
    }

    /**
     * Receives the next message into {@code buffer} from {@code offset}; returns its length.
     *
     * @throws BufferTooShortException carrying the message, if it does not fit
     * @throws IndexOutOfBoundsException if offset is outside {@code buffer}
     */
    public int recvBytesInto(byte[] buffer, int offset) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        if (offset < 0 || offset > buffer.length) {
            throw new IndexOutOfBoundsException("offset=" + offset + " (expected: 0 to " + buffer.length + ")");
        }
        receive(false, buffer, offset);
        if (reader.copiedInto() >= 0) {
            return reader.copiedInto();
        }
        byte[] message = reader.bytes();
        if (message.length > buffer.length - offset) {
            throw new BufferTooShortException(this + ": a message of " + message.length + " bytes does not fit the "
                + (buffer.length - offset) + " bytes from offset " + offset, message);
        }
        System.arraycopy(message, 0, buffer, offset, message.length);
        return message.length;
    }

    /** Whether a receive would not block now: a message is there, or the end of file. */
    public boolean poll() throws IOException {
        return poll(Duration.ZERO);
    }

    /**
     * Waits up to {@code timeout} (null: without limit, Python's {@code poll(None)}; zero or
     * negative: not at all) until a receive would not block; returns whether it would.
     */
    public boolean poll(Duration timeout) throws IOException {
        requireReadable();
        if (!in.isEmpty()) {
            return true;
        }
        // Before waiting: the zeroing of what the last receive read is then done while nothing
        // arrives, not after the next message did. Poll is a receive: one thread at a time.
        in.giveBackConsumed();
        long deadline = timeout == null ? WaitStrategy.FOREVER : WaitStrategy.deadlineAfter(timeout);
        while (in.isEmpty()) {
            if (waiter.peerGone(false) || !waiter.awaitMessage(deadline)) {
                return !in.isEmpty() || waiter.peerGone(false);
            }
            requireOpen();
        }
        return true;
    }

    /** Reads one whole message into the frame reader, waiting as long as it takes. */
    private void receive(boolean decode) throws IOException {
        receive(decode, null, 0);
    }

    /** As {@link #receive(boolean)}; bytes that come whole and fit go into {@code into} from {@code offset}. */
    private void receive(boolean decode, byte[] into, int offset) throws IOException {
        requireReadable();
        // The room of what was read goes back at the next receive or poll (SpscRing: one drain
        // late), so that its zeroing does not delay a reply; the peer never waits for it once
        // everything it sent was read, as its sends fill at most half the ring.
        startReader(decode, into, offset);
        while (true) {
            int records;
            try {
                records = in.drain(reader, 1);
            } catch (IllegalStateException garbled) {
                startReader(decode, into, offset);
                throw new IOException(this + ": the message stream is damaged: " + garbled.getMessage(), garbled);
            }
            if (reader.complete()) {
                return;
            }
            if (records == 0 && in.isEmpty()) {
                if (waiter.peerGone(reader.started())) {
                    if (!in.isEmpty()) {
                        continue; // sent before the peer closed: still ours
                    }
                    if (reader.started()) {
                        throw new IOException(this + ": the peer closed or died in the middle of a message");
                    }
                    throw new EOFException(this + ": end of file (the peer end is closed or its process died)");
                }
                waiter.awaitMessage(WaitStrategy.FOREVER);
                requireOpen();
            }
        }
    }

    private void startReader(boolean decode, byte[] into, int offset) {
        if (into == null) {
            reader.start(decode);
        } else {
            reader.startInto(into, offset);
        }
    }

    // ---------------------------------------------------------------- closing

    /**
     * Closes this end. In the process that holds it, the peer then reads what was sent and
     * then the end of file; elsewhere (a copy of an end that was handed to another process)
     * only this copy closes. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (state.holder(end) == PipeState.ME) {
            state.close(end);
            if (out != null) {
                out.notEmpty().signalAll(); // a reader waiting for us sees the end of file
            }
            if (in != null) {
                in.notFull().signalAll(); // a writer waiting for room sees a broken pipe
            }
        }
    }

    /** Whether this end was closed (here). */
    public boolean isClosed() {
        return closed;
    }

    /** Whether this end can receive (false for the writer of a one-way pipe). */
    public boolean readable() {
        return in != null;
    }

    /** Whether this end can send (false for the reader of a one-way pipe). */
    public boolean writable() {
        return out != null;
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException(this + " is closed");
        }
    }

    private void requireReadable() throws IOException {
        requireOpen();
        if (in == null) {
            throw new IOException(this + " is write-only (the writer of a one-way pipe)");
        }
    }

    private void requireWritable() throws IOException {
        requireOpen();
        if (out == null) {
            throw new IOException(this + " is read-only (the reader of a one-way pipe)");
        }
        if (state.isClosed(peer)) {
            throw new IOException(this + ": the peer end is closed (broken pipe)");
        }
    }

    String pipe() {
        return pipe;
    }

    int end() {
        return end;
    }

    RegionNamespace namespace() {
        return namespace;
    }

    Codec<Object> codec() {
        return codec;
    }

    PipeState state() {
        return state;
    }

    @Override
    public String toString() {
        return "connection " + pipe + "/" + end;
    }

    /** The handle that travels instead; the receiver becomes the end's holder. */
    @Serial
    private Object writeReplace() {
        if (state.holder(end) == PipeState.ME) {
            state.hold(end, PipeState.IN_TRANSIT);
        }
        return PipeHandle.of(this);
    }
}
