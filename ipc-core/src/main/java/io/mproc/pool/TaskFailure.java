package io.mproc.pool;

/**
 * The outcome of a task that failed, as jobs receive it next to plain values: what its future
 * or result fails with. Never a value a task can return (the class is not visible outside).
 *
 * @param failure the task's exception (re-created from the worker's), or why it did not run
 */
record TaskFailure(Throwable failure) {
}
