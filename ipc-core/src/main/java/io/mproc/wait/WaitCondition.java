package io.mproc.wait;

/** What a waiter waits for; evaluated repeatedly, so it must be cheap and free of side effects. */
@FunctionalInterface
public interface WaitCondition {
    boolean isSatisfied();
}
