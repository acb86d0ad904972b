package io.mproc.pool;

/**
 * A job whose outcome is one future: a single task's, or a whole {@code map}'s. Abandoning it
 * fails the future; cancelling the future finishes the job (tasks not yet sent are dropped).
 *
 * @param <T> the future's value type
 */
abstract class FutureJob<T> extends Job {
    private final TaskFuture<T> future;

    FutureJob(PoolFunction function, String kind, ResultCollector results) {
        super(function, kind);
        this.future = new TaskFuture<>(this, results);
    }

    TaskFuture<T> future() {
        return future;
    }

    @Override
    void abandon(Throwable cause) {
        future.completeExceptionally(cause);
        finish();
    }

    @Override
    boolean isDone() {
        return super.isDone() || future.isDone();
    }
}
