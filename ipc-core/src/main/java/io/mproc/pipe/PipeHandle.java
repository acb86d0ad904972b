package io.mproc.pipe;

import io.mproc.codec.Codec;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitStrategy;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What a {@link Connection} becomes when it is serialized: enough to attach the same end in
 * the receiving JVM ({@link #readResolve()}), which then holds it, with default waiting. The
 * namespace it opens there is never closed: the pipe stays mapped until that JVM exits.
 *
 * @param root      the namespace's root directory
 * @param namespace the namespace's name
 * @param pipe      the pipe's name
 * @param end       0 for the first end, 1 for the second
 * @param codec     the pipe's codec
 */
record PipeHandle(String root, String namespace, String pipe, int end, Codec<Object> codec) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static PipeHandle of(Connection connection) {
        RegionNamespace namespace = connection.namespace();
        return new PipeHandle(namespace.directory().getParent().toString(), namespace.name(), connection.pipe(),
            connection.end(), connection.codec());
    }

    @Serial
    private Object readResolve() {
        return Pipe.attachEnd(RegionNamespace.open(Path.of(root), namespace), pipe, end, codec,
            WaitStrategy.defaultStrategy());
    }
}
