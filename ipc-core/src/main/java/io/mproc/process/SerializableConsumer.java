package io.mproc.process;

import java.io.Serializable;

/**
 * A process target taking one argument and returning nothing. The argument is serialised on
 * its own, so that {@link JvmProcess#start()} can name it when it cannot be sent; shared
 * objects (regions, queues, locks) arrive as the same shared object.
 *
 * @param <A> the type of the argument
 */
@FunctionalInterface
public interface SerializableConsumer<A> extends Serializable {
    /** Runs in the child JVM with the deserialised argument. */
    void accept(A argument) throws Exception;
}
