package io.mproc.process;

import java.io.Serializable;

/**
 * A {@link Runnable} that can travel to a child JVM: the target of a process that returns
 * nothing. A lambda or method reference typed as this interface is serialisable, together with
 * what it captures, which must be serialisable too ({@link JvmProcess#start()} names what is
 * not).
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {
}
