package io.mproc.process.internal;

import io.mproc.memory.RegionKind;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a child JVM needs to become the process its parent built: the parent encodes it
 * ({@link SpecSerializer}) into a cold child's standard input ({@link SpecPipe}) or into the
 * region {@code <id>.spec} (0600, in the parent's process namespace), the child reads it once.
 * A plain class, not a record, for the same reason as {@link ProcessTarget}.
 */
public final class LaunchSpec implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int[] identity;
    private final boolean daemon;
    private final String parentName;
    private final ProcessTarget target;
    private final TreeMap<String, String> systemProperties;

    /** What a spec region holds. */
    public static final RegionKind KIND = new RegionKind("process.spec", 1);

    private LaunchSpec(String name, int[] identity, boolean daemon, String parentName, ProcessTarget target,
                       Map<String, String> systemProperties) {
        this.name = name;
        this.identity = identity.clone();
        this.daemon = daemon;
        this.parentName = parentName;
        this.target = target;
        this.systemProperties = new TreeMap<>(systemProperties);
    }

    /**
     * A spec.
     *
     * @param name             the process's name ({@code Process-1:2})
     * @param identity         its position in the tree of processes ({@code [1, 2]}), for naming its own children
     * @param daemon           whether it is a daemon (may not start children; terminated when its parent exits)
     * @param parentName       the name of the process that started it
     * @param target           what it runs
     * @param systemProperties properties to set before the target runs (a standby JVM did not
     *                         start with them on its command line)
     */
    public static LaunchSpec of(String name, int[] identity, boolean daemon, String parentName, ProcessTarget target,
                                Map<String, String> systemProperties) {
        return new LaunchSpec(name, identity, daemon, parentName, target, systemProperties);
    }

    public String name() {
        return name;
    }

    public boolean daemon() {
        return daemon;
    }

    public String parentName() {
        return parentName;
    }

    public ProcessTarget target() {
        return target;
    }

    public Map<String, String> systemProperties() {
        return java.util.Collections.unmodifiableMap(systemProperties);
    }

    /** The spec region's name for process {@code id}. */
    public static String regionName(String id) {
        return id + ".spec";
    }

    /** The name of the region holding a standby's spec that was too large for its spec region. */
    public static String largeRegionName(String id) {
        return id + ".spec-large";
    }

    public int[] identity() {
        return identity.clone();
    }
}
