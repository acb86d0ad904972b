package io.mproc.memory;

import static io.mproc.memory.RegionHeaderLayout.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Consumer;

/** Creating, opening, checking and mapping region files: the file-system half of {@link Region}. */
final class RegionFiles {
    private RegionFiles() {
    }

    private static final int ZERO_CHUNK = 1 << 20;

    /** Prefix of the private name a region is built under before it is published. */
    static final String BUILDING_PREFIX = ".building.";

    /**
     * Builds the region under a private temporary name and then publishes it under its real
     * name with an atomic hard link, so that no process ever sees a half-built file under that
     * name: the link fails if the name exists ({@link RegionExistsException}), exactly like an
     * exclusive create. Building: create the file 0600, fill it with zeros so every page is
     * allocated now (a full tmpfs fails here with an IOException instead of raising SIGBUS later
     * on first touch), write the header, let {@code initializer} set up the body, release-store
     * the ready state.
     */
    static Region create(Path path, String name, RegionKind kind, long bodySize,
                         Consumer<MemorySegment> initializer) {
        if (bodySize < 0) {
            throw new IllegalArgumentException("region " + path + ": bodySize=" + bodySize + " (expected: >= 0)");
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new RegionExistsException("region " + path + ": already exists");
        }
        long fileSize = HEADER_LENGTH + bodySize;
        Path building = path.resolveSibling(BUILDING_PREFIX + name + "." + ProcessHandle.current().pid()
            + "." + Thread.currentThread().threadId());
        Arena arena = Arena.ofShared();
        boolean published = false;
        try (FileChannel channel = FileChannel.open(building, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            fill(channel, fileSize);
            MemorySegment file = channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize, arena);
            RegionHeaderCodec.write(file, kind, fileSize, ProcessIdentity.current(), System.currentTimeMillis());
            Region region = new Region(name, path, kind, arena, file, true);
            if (initializer != null) {
                initializer.accept(region.body());
            }
            // Release: the header and everything the initializer wrote become visible to any
            // attacher that acquire-loads STATE_READY.
            OrderedAccess.setIntRelease(file, READY_STATE_OFFSET, STATE_READY);
            Files.createLink(path, building);
            published = true;
            return region;
        } catch (FileAlreadyExistsException exists) {
            throw new RegionExistsException("region " + path + ": already exists");
        } catch (IOException failed) {
            throw new RegionException("region " + path + ": cannot create " + fileSize + " bytes: " + failed, failed);
        } finally {
            if (!published) {
                arena.close();
            }
            deleteQuietly(building);
        }
    }

    /**
     * Opens an existing region. Refuses a file owned by another user, checks the header from a
     * plain read before mapping, then waits (up to {@code readyTimeout}) for a creator that is
     * still initialising, failing at once if that creator has died.
     */
    static Region attach(Path path, String name, RegionKind kind, Duration readyTimeout) {
        RegionDirectory.requireOwnedByCurrentUser(path);
        Arena arena = Arena.ofShared();
        boolean done = false;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            RegionInfo info = readHeader(path, channel);
            RegionHeaderCodec.requireKind(info, kind);
            MemorySegment file = channel.map(FileChannel.MapMode.READ_WRITE, 0, info.fileSize(), arena);
            awaitReady(file, info, readyTimeout);
            done = true;
            return new Region(name, path, info.kind(), arena, file, false);
        } catch (NoSuchFileException missing) {
            throw new RegionNotFoundException("region " + path + ": does not exist");
        } catch (IOException failed) {
            throw new RegionException("region " + path + ": cannot attach: " + failed, failed);
        } finally {
            if (!done) {
                arena.close();
            }
        }
    }

    /** Reads and checks the header of a file without mapping it. */
    static RegionInfo readHeader(Path path, FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate((int) HEADER_LENGTH);
        if (size >= HEADER_LENGTH) {
            while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                // keep reading: a read may return fewer bytes than asked
            }
        }
        return RegionHeaderCodec.parse(path, header.flip(), size);
    }

    static RegionInfo readHeader(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return readHeader(path, channel);
        } catch (NoSuchFileException missing) {
            throw new RegionNotFoundException("region " + path + ": does not exist");
        } catch (IOException failed) {
            throw new RegionException("region " + path + ": cannot read header: " + failed, failed);
        }
    }

    private static void awaitReady(MemorySegment file, RegionInfo info, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int polls = 0;
        // Acquire: pairs with the creator's release store of STATE_READY, so the header and the
        // body initialisation are visible once READY is seen.
        while (OrderedAccess.getIntAcquire(file, READY_STATE_OFFSET) != STATE_READY) {
            if ((polls++ & 63) == 0 && !info.creatorAlive()) {
                throw new RegionException("region " + info.path() + ": creator pid " + info.creatorPid()
                    + " died before the region became ready (remove the file, or RegionNamespace.removeLeftovers())");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new RegionException("region " + info.path() + ": still not ready after " + timeout
                    + " (creator pid " + info.creatorPid() + " is alive but has not finished initialising it)");
            }
            Thread.onSpinWait();
            if (polls > 1000) {
                Thread.yield();
            }
        }
    }

    private static void fill(FileChannel channel, long size) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect((int) Math.min(ZERO_CHUNK, Math.max(size, 1)));
        long position = 0;
        while (position < size) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), size - position));
            position += channel.write(zeros, position);
        }
    }

    /**
     * A build file whose header was never completed, described from its name
     * ({@code .building.<name>.<pid>.<thread>}) as a not-ready region of unknown kind.
     */
    static java.util.Optional<RegionInfo> unfinishedBuild(Path file) {
        String fileName = file.getFileName().toString();
        if (!fileName.startsWith(BUILDING_PREFIX)) {
            return java.util.Optional.empty();
        }
        String[] parts = fileName.substring(BUILDING_PREFIX.length()).split("\\.");
        try {
            int pid = Integer.parseInt(parts[parts.length - 2]);
            return java.util.Optional.of(new RegionInfo(fileName, file, new RegionKind("unknown", 1), 0, pid,
                ProcessIdentity.UNKNOWN_START, java.time.Instant.EPOCH, false));
        } catch (RuntimeException malformed) {
            return java.util.Optional.empty();
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: the caller is already reporting the real failure
        }
    }
}
