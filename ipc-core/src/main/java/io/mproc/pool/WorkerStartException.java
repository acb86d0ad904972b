package io.mproc.pool;

import java.io.Serial;

/**
 * A worker of the pool ended before it was ready to serve: its initializer threw (that
 * exception is the cause), or its JVM could not start. The pool fails fast: it stops every
 * worker, fails every pending task with this exception and refuses new ones (with this as the
 * cause of the {@link java.util.concurrent.RejectedExecutionException}); building the pool
 * throws it when it happens to a first worker. Python's {@code Pool} would start new workers
 * forever instead.
 */
public final class WorkerStartException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause   the initializer's exception, or null
     */
    public WorkerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
