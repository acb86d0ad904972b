package io.mproc.queue;

import io.mproc.codec.Codec;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitStrategy;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What a {@link SharedQueue} becomes when it is serialized (a process argument, an element of
 * another queue): enough to attach to the same queue in the receiving JVM, which
 * {@link #readResolve()} does, with {@link WaitStrategy#defaultStrategy()}. The namespace it
 * opens there is never closed: the queue stays mapped until that JVM exits.
 *
 * @param root      the namespace's root directory
 * @param namespace the namespace's name
 * @param name      the queue's name
 * @param codec     the queue's codec (serializable, and allowed by the receiver's filter)
 * @param joinable  whether it is a {@link JoinableQueue}
 */
record QueueHandle(String root, String namespace, String name, Codec<?> codec, boolean joinable)
    implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static QueueHandle of(RegionNamespace namespace, String name, Codec<?> codec, boolean joinable) {
        return new QueueHandle(namespace.directory().getParent().toString(), namespace.name(), name, codec, joinable);
    }

    @Serial
    private Object readResolve() {
        RegionNamespace opened = RegionNamespace.open(Path.of(root), namespace);
        QueueOptions options = QueueOptions.defaults();
        return joinable ? JoinableQueue.attach(opened, name, codec, options.waitStrategy())
            : SharedQueue.attach(opened, name, codec, options.waitStrategy());
    }
}
