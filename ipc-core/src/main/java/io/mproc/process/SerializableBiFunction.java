package io.mproc.process;

import java.io.Serializable;

/**
 * A process target taking two arguments and returning a value that the parent reads with
 * {@link JvmProcess#result()}.
 *
 * @param <A> the type of the first argument
 * @param <B> the type of the second argument
 * @param <V> the type of the result
 */
@FunctionalInterface
public interface SerializableBiFunction<A, B, V> extends Serializable {
    /** Runs in the child JVM with the deserialised arguments. */
    V apply(A first, B second) throws Exception;
}
