package io.mproc.memory;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a region holds and which layout version of it: written into the header by the creator,
 * checked by every attacher so that, say, a lock is never mapped as a ring.
 *
 * @param name    a short ASCII name such as {@code "ring.spsc"}, at most 16 characters
 * @param version the layout version of that kind; bump it whenever the body layout changes
 */
public record RegionKind(String name, int version) {
    public RegionKind {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > RegionHeaderLayout.KIND_NAME_LENGTH
            || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("kind name=\"" + name + "\" (expected: 1 to "
                + RegionHeaderLayout.KIND_NAME_LENGTH + " ASCII characters)");
        }
        if (version < 1) {
            throw new IllegalArgumentException("kind version=" + version + " (expected: >= 1)");
        }
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
