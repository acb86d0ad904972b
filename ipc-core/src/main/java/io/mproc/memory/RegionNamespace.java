package io.mproc.memory;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of named regions that cooperating processes share: {@code <root>/<namespace>/}.
 *
 * <p>A namespace <em>owns</em> the regions it created: {@link #close()} unmaps and unlinks them
 * (and unmaps what it attached), so that a program that closes its namespace leaves no files
 * behind. Regions leaked by a process that crashed are found with {@link #leftovers()} and
 * removed with {@link #removeLeftovers()}: a region is a leftover when the process that
 * created it no longer runs.
 *
 * <p>Thread-safe.
 */
public final class RegionNamespace implements AutoCloseable {
    /** How long attach waits for a live creator that is still initialising a region. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final Path directory;
    private final ConcurrentHashMap<Path, Region> owned = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Region, Boolean> attached = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private RegionNamespace(String name, Path directory) {
        this.name = name;
        this.directory = directory;
    }

    /** Opens (creating if needed) the namespace {@code name} under {@link RegionDirectory#defaultRoot()}. */
    public static RegionNamespace open(String name) {
        return open(RegionDirectory.defaultRoot(), name);
    }

    /** Opens (creating if needed) the namespace {@code name} under {@code root}. */
    public static RegionNamespace open(Path root, String name) {
        Objects.requireNonNull(root, "root");
        RegionDirectory.requireValidName("namespace", name);
        Path rootDir = RegionDirectory.ensurePrivateDirectory(root);
        return new RegionNamespace(name, RegionDirectory.ensurePrivateDirectory(rootDir.resolve(name)));
    }

    /**
     * The name of a namespace owned by process {@code owner}: {@code <prefix>-<pid>-<start time>},
     * which {@link #removeDeadOwners} recognises (as it does that name followed by
     * {@code -<number>}, for an owner with several).
     */
    public static String ownedName(String prefix, ProcessIdentity owner) {
        return prefix + "-" + owner.pid() + "-" + owner.startTime();
    }

    /**
     * Sweeps the namespaces under {@code root} named after an owner ({@link #ownedName}) with
     * {@code prefix} whose owner no longer runs (a SIGKILLed JVM cannot remove its own): removes
     * their {@link #leftovers()} and, once they are empty, their directories. Best effort: a
     * namespace another process is sweeping, or that a live process still writes to, is left
     * for the next sweep, and a failure never reaches the caller (a sweep runs on the way to
     * something else, such as starting a process).
     */
    public static void removeDeadOwners(Path root, String prefix) {
        if (!Files.isDirectory(root)) {
            return;
        }
        Pattern owned = Pattern.compile(Pattern.quote(prefix) + "-(\\d+)-(\\d+)(-\\d+)?");
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Matcher name = owned.matcher(entry.getFileName().toString());
                try {
                    if (name.matches() && !ProcessIdentity.isAlive(Integer.parseInt(name.group(1)),
                        Long.parseLong(name.group(2)))) {
                        try (RegionNamespace dead = open(root, entry.getFileName().toString())) {
                            dead.removeLeftovers();
                        }
                    }
                } catch (RuntimeException busyOrOdd) {
                    // swept by another process meanwhile, still written to, or not a pid: next time
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // best effort, see above
        }
    }

    /** The namespace's name. */
    public String name() {
        return name;
    }

    /** The directory holding its region files. */
    public Path directory() {
        return directory;
    }

    /** The file a region of that name has (or would have) in this namespace. */
    public Path pathOf(String regionName) {
        return directory.resolve(RegionDirectory.requireValidName("region name", regionName));
    }

    /**
     * Creates a region of {@code bodySize} usable bytes. {@code initializer} (may be null) sets up
     * the body before any other process can attach; the region is published after it returns.
     *
     * @throws RegionExistsException if a region of that name exists
     */
    public Region create(String regionName, RegionKind kind, long bodySize, Consumer<MemorySegment> initializer) {
        requireOpen();
        Objects.requireNonNull(kind, "kind");
        Path path = pathOf(regionName);
        Region region = RegionFiles.create(path, regionName, kind, bodySize, initializer);
        owned.put(path, region);
        return region;
    }

    /**
     * Attaches to an existing region, checking that it is {@code kind}.
     *
     * @throws RegionNotFoundException if there is none of that name
     * @throws RegionException if the file is not a ready region of that kind and version
     */
    public Region attach(String regionName, RegionKind kind) {
        return attach(regionName, kind, DEFAULT_READY_TIMEOUT);
    }

    /** As {@link #attach(String, RegionKind)}, waiting at most {@code readyTimeout} for its creator. */
    public Region attach(String regionName, RegionKind kind, Duration readyTimeout) {
        requireOpen();
        Objects.requireNonNull(kind, "kind");
        Region region = RegionFiles.attach(pathOf(regionName), regionName, kind, readyTimeout);
        attached.put(region, Boolean.TRUE);
        return region;
    }

    /**
     * Attaches to the region if it exists, else creates it. Safe to race from many processes:
     * exactly one creates, the others attach (waiting for it to become ready).
     */
    public Region createOrAttach(String regionName, RegionKind kind, long bodySize,
                                 Consumer<MemorySegment> initializer) {
        for (int attempt = 0; ; attempt++) {
            try {
                return create(regionName, kind, bodySize, initializer);
            } catch (RegionExistsException exists) {
                try {
                    return attach(regionName, kind);
                } catch (RegionNotFoundException unlinkedMeanwhile) {
                    if (attempt >= 10) {
                        throw unlinkedMeanwhile;
                    }
                }
            }
        }
    }

    /**
     * Gives up ownership of a region this namespace created: {@link #close()} will unmap it but
     * no longer unlink it, so it outlives this process (for a creator that exits before the
     * processes using the region). Whoever is responsible for it then calls
     * {@link Region#unlink()}, or {@link #removeLeftovers()} finds it once its creator is gone.
     */
    public void disown(Region region) {
        if (owned.remove(region.path(), region)) {
            attached.put(region, Boolean.TRUE);
        } else {
            throw new IllegalArgumentException("region " + region.path() + " was not created by namespace " + name);
        }
    }

    /**
     * Closes one region of this namespace before the namespace closes, and forgets it: a region
     * this namespace created is also unlinked (a missing file is not an error), one it attached
     * is only unmapped. For long-lived namespaces that create and drop many regions, such as
     * one per started process, so that neither files nor bookkeeping accumulate. Idempotent.
     *
     * @throws IllegalArgumentException if the region was neither created nor attached here
     */
    public void release(Region region) {
        Objects.requireNonNull(region, "region");
        if (owned.remove(region.path(), region)) {
            region.close();
            RegionFiles.deleteQuietly(region.path());
        } else if (attached.remove(region) != null || !region.isOpen()) {
            region.close();
        } else {
            throw new IllegalArgumentException("region " + region.path() + " does not belong to namespace " + name);
        }
    }

    /** Every region in the namespace, as its header describes it; unreadable files are skipped. */
    public List<RegionInfo> list() {
        return scan(false);
    }

    /**
     * Reads every region header in the directory; with {@code includeUnpublished}, also the
     * files of creators that died while building a region (never visible under a region name).
     */
    private List<RegionInfo> scan(boolean includeUnpublished) {
        List<RegionInfo> regions = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || (!includeUnpublished && file.getFileName().toString().startsWith("."))) {
                    continue;
                }
                try {
                    regions.add(RegionFiles.readHeader(file));
                } catch (RegionException notARegion) {
                    // A foreign or damaged file: list() reports regions only. The exception is
                    // a creator killed before it wrote the header: its file name carries its pid.
                    if (includeUnpublished) {
                        RegionFiles.unfinishedBuild(file).ifPresent(regions::add);
                    }
                }
            }
        } catch (IOException failed) {
            throw new RegionException("namespace " + directory + ": cannot list: " + failed, failed);
        }
        return regions;
    }

    /**
     * Regions whose creating process no longer runs: what a crash leaves behind, including the
     * half-built file of a creator killed while building one.
     */
    public List<RegionInfo> leftovers() {
        return scan(true).stream().filter(info -> !info.creatorAlive()).toList();
    }

    /**
     * Unlinks every {@link #leftovers() leftover}. Processes that still map one keep using it;
     * only its name goes. Returns what was removed.
     */
    public List<RegionInfo> removeLeftovers() {
        List<RegionInfo> removed = new ArrayList<>();
        for (RegionInfo leftover : leftovers()) {
            try {
                Files.deleteIfExists(leftover.path());
                removed.add(leftover);
            } catch (IOException failed) {
                throw new RegionException("region " + leftover.path() + ": cannot remove: " + failed, failed);
            }
        }
        return removed;
    }

    /**
     * Unmaps everything this namespace attached, unmaps and unlinks everything it created, and
     * removes its directory if that is then empty. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        attached.keySet().forEach(Region::close);
        attached.clear();
        for (Region region : owned.values()) {
            region.close();
            RegionFiles.deleteQuietly(region.path());
        }
        owned.clear();
        try {
            Files.deleteIfExists(directory);
        } catch (IOException notEmpty) {
            // other processes' regions remain: the directory stays for them
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("namespace " + name + " is closed");
        }
    }

    @Override
    public String toString() {
        return "RegionNamespace[" + name + " at " + directory + "]";
    }
}
