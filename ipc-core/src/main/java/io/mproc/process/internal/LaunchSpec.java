package io.mproc.process.internal;

import io.mproc.memory.RegionKind;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a child JVM needs to become the process its parent built: the parent writes it
 * serialised into the region {@code <id>.spec} (0600, in the parent's process namespace), the
 * child reads it once.
 *
 * @param name             the process's name ({@code Process-1:2})
 * @param identity         its position in the tree of processes ({@code [1, 2]}), for naming its own children
 * @param daemon           whether it is a daemon (may not start children; terminated when its parent exits)
 * @param parentName       the name of the process that started it
 * @param target           what it runs
 * @param systemProperties properties to set before the target runs (a standby JVM did not
 *                         start with them on its command line)
 */
public record LaunchSpec(String name, int[] identity, boolean daemon, String parentName, ProcessTarget target,
                         TreeMap<String, String> systemProperties) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What a spec region holds. */
    public static final RegionKind KIND = new RegionKind("process.spec", 1);

    public LaunchSpec {
        identity = identity.clone();
        systemProperties = new TreeMap<>(systemProperties);
    }

    /** A spec with these properties. */
    public static LaunchSpec of(String name, int[] identity, boolean daemon, String parentName, ProcessTarget target,
                                Map<String, String> systemProperties) {
        return new LaunchSpec(name, identity, daemon, parentName, target, new TreeMap<>(systemProperties));
    }

    /** The spec region's name for process {@code id}. */
    public static String regionName(String id) {
        return id + ".spec";
    }

    /** The name of the region holding a standby's spec that was too large for its spec region. */
    public static String largeRegionName(String id) {
        return id + ".spec-large";
    }

    @Override
    public int[] identity() {
        return identity.clone();
    }
}
