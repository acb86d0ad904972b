package io.mproc.bench.channel.agrona;

import io.mproc.bench.channel.mapped.MappedFile;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Agrona's two shared-memory ring buffers, each over an {@link UnsafeBuffer} wrapping the
 * address of a file mapped from the run's directory (/dev/shm): the same kind of mapping mproc's
 * regions are. The file is created zero-filled by the bench side, which is all Agrona needs.
 */
public enum AgronaRingKind {
    ONE_TO_ONE(OneToOneRingBuffer::new),
    MANY_TO_ONE(ManyToOneRingBuffer::new);

    private final Function<AtomicBuffer, RingBuffer> wrap;

    AgronaRingKind(Function<AtomicBuffer, RingBuffer> wrap) {
        this.wrap = wrap;
    }

    /** A mapped ring buffer with {@code capacity} data bytes (a power of two) and its trailer. */
    public record Mapped(MappedFile file, RingBuffer ring) implements AutoCloseable {
        @Override
        public void close() {
            file.close();
        }
    }

    /** The bench side: creates the file and wraps it. */
    public Mapped create(Path file, int capacity) throws IOException {
        return wrap(MappedFile.create(file, size(capacity)));
    }

    /** The peer side: maps the existing file and wraps it. */
    public Mapped open(Path file, int capacity) throws IOException {
        return wrap(MappedFile.open(file, size(capacity)));
    }

    private static long size(int capacity) {
        return (long) capacity + RingBufferDescriptor.TRAILER_LENGTH;
    }

    private Mapped wrap(MappedFile file) {
        try {
            UnsafeBuffer buffer = new UnsafeBuffer(file.segment().address(), Math.toIntExact(file.segment().byteSize()));
            return new Mapped(file, wrap.apply(buffer));
        } catch (RuntimeException | LinkageError failed) {
            file.close();
            throw failed;
        }
    }

}
