package io.mproc.process;

import java.io.Serializable;

/**
 * A process target taking one argument and returning a value that the parent reads with
 * {@link JvmProcess#result()}.
 *
 * @param <A> the type of the argument
 * @param <V> the type of the result
 */
@FunctionalInterface
public interface SerializableFunction<A, V> extends Serializable {
    /** Runs in the child JVM with the deserialised argument. */
    V apply(A argument) throws Exception;
}
