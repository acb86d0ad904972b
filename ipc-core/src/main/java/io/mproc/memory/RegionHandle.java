package io.mproc.memory;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A {@link Region} in transit to another process: what attaching it there takes. A serialised
 * region is written as this handle (its {@code writeReplace}), and deserialising the handle
 * attaches the same region file in the receiving JVM ({@code readResolve}), checking its kind
 * and version as any attach does. So a region can be a process argument or a queued element,
 * as a {@code SharedMemory} can be passed to a Python process.
 *
 * <p>The attached region belongs to the receiver: it is mapped outside any
 * {@link RegionNamespace}, stays mapped until the receiver {@link Region#close() closes} it or
 * exits, and is never unlinked by it. Deserialising fails with {@link InvalidObjectException}
 * when the region no longer exists or is not what the handle says.
 *
 * @param root        the namespace root directory, absolute
 * @param namespace   the namespace's name
 * @param name        the region's name in that namespace
 * @param kindName    the region's {@link RegionKind#name()}
 * @param kindVersion the region's {@link RegionKind#version()}
 */
public record RegionHandle(String root, String namespace, String name, String kindName, int kindVersion)
    implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The handle of {@code region}. */
    static RegionHandle of(Region region) {
        Path directory = region.path().getParent();
        return new RegionHandle(directory.getParent().toString(), directory.getFileName().toString(),
            region.name(), region.kind().name(), region.kind().version());
    }

    /** Attaches the region in this JVM. */
    @Serial
    private Object readResolve() throws ObjectStreamException {
        try {
            Path rootPath = Path.of(root);
            if (!rootPath.isAbsolute()) {
                throw new IllegalArgumentException("root=\"" + root + "\" (expected: an absolute path)");
            }
            Path path = rootPath.resolve(RegionDirectory.requireValidName("namespace", namespace))
                .resolve(RegionDirectory.requireValidName("region name", name));
            return RegionFiles.attach(path, name, new RegionKind(kindName, kindVersion),
                RegionNamespace.DEFAULT_READY_TIMEOUT);
        } catch (RuntimeException cannotAttach) {
            InvalidObjectException failure = new InvalidObjectException("region handle " + this
                + ": cannot attach: " + cannotAttach.getMessage());
            failure.initCause(cannotAttach);
            throw failure;
        }
    }
}
