package io.mproc.process;

import java.io.Serializable;

/**
 * A process target taking two arguments and returning nothing.
 *
 * @param <A> the type of the first argument
 * @param <B> the type of the second argument
 */
@FunctionalInterface
public interface SerializableBiConsumer<A, B> extends Serializable {
    /** Runs in the child JVM with the deserialised arguments. */
    void accept(A first, B second) throws Exception;
}
