package io.mproc.bench.channel.mapped;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file mapped read-write into a {@link MemorySegment} shared by all threads. Under /dev/shm
 * the pages are plain shared memory, the same the C floor uses.
 */
public final class MappedFile implements AutoCloseable {

    private final Arena arena;
    private final MemorySegment segment;

    private MappedFile(Arena arena, MemorySegment segment) {
        this.arena = arena;
        this.segment = segment;
    }

    /** Creates {@code file} zero-filled with {@code size} bytes (replacing any old one) and maps it. */
    public static MappedFile create(Path file, long size) throws IOException {
        Files.deleteIfExists(file);
        return map(file, size, StandardOpenOption.CREATE_NEW);
    }

    /** Maps an existing {@code file} of at least {@code size} bytes. */
    public static MappedFile open(Path file, long size) throws IOException {
        if (Files.size(file) < size) {
            throw new IOException(file + " is smaller than " + size + " bytes");
        }
        return map(file, size);
    }

    private static MappedFile map(Path file, long size, StandardOpenOption... extra) throws IOException {
        StandardOpenOption[] options = new StandardOpenOption[extra.length + 2];
        options[0] = StandardOpenOption.READ;
        options[1] = StandardOpenOption.WRITE;
        System.arraycopy(extra, 0, options, 2, extra.length);
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, options)) {
            if (channel.size() < size) {
                // Extending with a write at the end gives a file of zeros without touching the pages.
                channel.write(ByteBuffer.allocate(1), size - 1);
            }
            // The mapping outlives the channel: it is released when the arena closes.
            return new MappedFile(arena, channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena));
        } catch (IOException | RuntimeException failed) {
            arena.close();
            throw failed;
        }
    }

    public MemorySegment segment() {
        return segment;
    }

    @Override
    public void close() {
        arena.close();
    }
}
