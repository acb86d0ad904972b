package io.mproc.sync;

import io.mproc.memory.Region;
import io.mproc.memory.RegionKind;
import io.mproc.memory.RegionNamespace;
import java.io.ObjectInputFilter;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A shared object's region and the address other processes attach it by: namespace root,
 * namespace name, region name. The plumbing behind every sync and shared-value object and its
 * serialised handle; users do not need it, except for {@link #HANDLE_FILTER}.
 *
 * <p>A handle that is deserialised attaches through a namespace this JVM opens once per
 * (root, name) and keeps open until exit, when a shutdown hook closes it: that unmaps what is
 * still mapped and unlinks the regions created through it (such as a condition made by
 * {@link SharedMutex#newCondition()} on a lock received as a handle). Each object closes its
 * own region handle before that if it wants.
 */
public final class RegionBinding {
    /**
     * An {@link ObjectInputFilter} that lets through exactly the handles of mproc's shared
     * objects (records of strings and numbers). Java deserialisation in mproc runs only behind
     * a filter; use this one, or include its patterns in yours, to receive shared objects.
     */
    public static final ObjectInputFilter HANDLE_FILTER = ObjectInputFilter.Config.createFilter(
        "maxdepth=4;maxrefs=64;maxbytes=8192;io.mproc.sync.*;io.mproc.shared.*;java.lang.String;!*");

    private static final ConcurrentHashMap<String, RegionNamespace> RESOLVED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("mproc-resolved-namespaces").unstarted(() ->
            RESOLVED.values().forEach(RegionNamespace::close)));
    }

    private final Region region;
    private final RegionNamespace namespace;
    private final String root;

    private RegionBinding(Region region, RegionNamespace namespace) {
        this.region = region;
        this.namespace = namespace;
        Path parent = namespace.directory().getParent();
        this.root = parent == null ? namespace.directory().toString() : parent.toString();
    }

    /** Binds a region that was just created or attached through {@code namespace}. */
    public static RegionBinding of(RegionNamespace namespace, Region region) {
        return new RegionBinding(Objects.requireNonNull(region, "region"), Objects.requireNonNull(namespace, "namespace"));
    }

    /** How a factory method finds its region. */
    public enum Mode {
        /** Create it; fail with {@link io.mproc.memory.RegionExistsException} if it exists. */
        CREATE,
        /** Attach to it; fail with {@link io.mproc.memory.RegionNotFoundException} if it is missing. */
        ATTACH,
        /** Attach to it, or create it if it is missing (safe to race). */
        CREATE_OR_ATTACH
    }

    /**
     * Creates and/or attaches the region {@code name} of {@code kind} as {@code mode} says;
     * {@code initializer} sets up a new body before anyone can attach.
     */
    public static RegionBinding bind(RegionNamespace namespace, String name, RegionKind kind, long bodySize,
                                     Consumer<MemorySegment> initializer, Mode mode) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(mode, "mode");
        Region region = switch (mode) {
            case CREATE -> namespace.create(name, kind, bodySize, initializer);
            case ATTACH -> namespace.attach(name, kind);
            case CREATE_OR_ATTACH -> namespace.createOrAttach(name, kind, bodySize, initializer);
        };
        return of(namespace, region);
    }

    /**
     * Runs {@code check} on a freshly bound region and returns it; if the check throws, closes
     * the region first (an attach must not leave a mapping behind when it refuses the region).
     */
    public RegionBinding checked(Consumer<MemorySegment> check) {
        try {
            check.accept(region.body());
            return this;
        } catch (RuntimeException refused) {
            region.close();
            throw refused;
        }
    }

    /**
     * The namespace a deserialised handle attaches through: opened on first use in this JVM and
     * kept for the JVM's life (closed by a shutdown hook).
     */
    public static RegionNamespace resolve(String root, String namespace) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(namespace, "namespace");
        return RESOLVED.computeIfAbsent(root + '\u0000' + namespace,
            key -> RegionNamespace.open(Path.of(root), namespace));
    }

    /** The region's body; fails with the object's name once this handle is closed. */
    public MemorySegment body() {
        return region.body();
    }

    /** The bound region. */
    public Region region() {
        return region;
    }

    /** The namespace the object was created or attached through (new regions of its family go there too). */
    public RegionNamespace namespace() {
        return namespace;
    }

    /** The region's name, which is the object's name. */
    public String name() {
        return region.name();
    }

    /** The root directory of the namespace, as a string (for handles: {@link Path} is not serialisable). */
    public String root() {
        return root;
    }

    /** The namespace's name. */
    public String namespaceName() {
        return namespace.name();
    }

    /** Whether this handle is still mapped. */
    public boolean isOpen() {
        return region.isOpen();
    }

    /** Unmaps the region in this process. Idempotent. */
    public void close() {
        region.close();
    }

    /** Throws {@link IllegalStateException} naming {@code what} if this handle is closed. */
    public void requireOpen(String what) {
        if (!region.isOpen()) {
            throw new IllegalStateException(what + " " + region.name() + " is closed");
        }
    }
}
