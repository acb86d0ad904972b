package io.mproc.process;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A {@link Callable} that can travel to a child JVM: the target of a process whose return value
 * the parent reads with {@link JvmProcess#result()}. What it captures must be serialisable, and
 * so must the value it returns.
 *
 * @param <V> the type of the result
 */
@FunctionalInterface
public interface SerializableCallable<V> extends Callable<V>, Serializable {
}
