package io.mproc.pool;

/**
 * One task with its own future: {@code apply}, {@code applyAsync}, {@code submit},
 * {@code execute}. Its arguments are encoded when it is made, in the caller's thread, so that
 * one that cannot be serialized fails there.
 *
 * @param <R> the result type
 */
final class SingleTask<R> extends FutureJob<R> {
    private final Batch batch;
    private final Object target;
    private final Object[] arguments;
    private final R fixedResult;
    private boolean taken;

    /**
     * @param encoded   the arguments ({@code function.arity()} values), {@link ValueCodec#TAGGED}
     * @param target    the function object, for {@link #runHere()}
     * @param arguments its arguments
     * @param results   the pool's results, which a waiting caller helps read
     */
    SingleTask(PoolFunction function, String kind, byte[] encoded, Object target, Object[] arguments,
               ResultCollector results) {
        this(function, kind, encoded, target, arguments, results, null);
    }

    /**
     * As the other constructor, for a task whose future's value is {@code fixedResult}
     * whatever the function returns ({@code submit(Runnable, result)}).
     */
    SingleTask(PoolFunction function, String kind, byte[] encoded, Object target, Object[] arguments,
               ResultCollector results, R fixedResult) {
        super(function, kind, results);
        this.fixedResult = fixedResult;
        this.batch = new Batch(this, 0, 1, Batch.NO_ARGUMENTS, 0, true, 0, encoded);
        this.target = target;
        this.arguments = arguments;
    }

    /**
     * The task as a {@link Runnable} that runs it in this JVM (for a task never sent, returned by
     * {@code shutdownNow}): a submitted {@code Runnable} itself, else one that calls the function.
     */
    Runnable runHere() {
        if (target instanceof Runnable runnable) {
            return runnable;
        }
        PoolFunction.Kind kind = function().kind();
        return () -> {
            try {
                PoolFunction.invoke(kind, target, arguments.length > 0 ? arguments[0] : null,
                    arguments.length > 1 ? arguments[1] : null);
            } catch (RuntimeException | Error failed) {
                throw failed;
            } catch (Exception failed) {
                throw new java.util.concurrent.CompletionException(failed);
            }
        };
    }

    @Override
    Batch nextBatch() {
        if (taken) {
            return null;
        }
        taken = true;
        return batch;
    }

    @Override
    boolean exhausted() {
        return taken;
    }

    @Override
    @SuppressWarnings("unchecked")
    void complete(int first, Object[] outcomes, int from, int count) {
        if (outcomes[from] instanceof TaskFailure failed) {
            future().completeExceptionally(failed.failure());
        } else {
            future().complete(fixedResult != null ? fixedResult : (R) outcomes[from]);
        }
        finish();
    }

    @Override
    String describe(int task) {
        return toString();
    }
}
