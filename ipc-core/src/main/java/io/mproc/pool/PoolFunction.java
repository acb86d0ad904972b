package io.mproc.pool;

import io.mproc.process.SerializableBiFunction;
import io.mproc.process.SerializableFunction;
import java.util.concurrent.Callable;

/**
 * A function the pool's tasks call, serialized once: workers receive it once (a DEFINE
 * message) and then only its id with each batch of tasks, so a task costs its arguments, not
 * its function. Immutable.
 *
 * @param kind        its shape
 * @param id          its number in the pool's {@link FunctionRegistry}
 * @param bytes       the function, serialized
 * @param description its class, for messages
 */
record PoolFunction(Kind kind, int id, byte[] bytes, String description) {

    /** The shapes of function a task may call, with the number of arguments each takes. */
    enum Kind {
        RUNNABLE(0), CALLABLE(0), FUNCTION(1), BI_FUNCTION(2);

        private final int arity;

        Kind(int arity) {
            this.arity = arity;
        }

        int arity() {
            return arity;
        }

        private static final Kind[] ALL = values();

        static Kind ofOrdinal(int ordinal) {
            if (ordinal < 0 || ordinal >= ALL.length) {
                throw new IllegalArgumentException("function kind=" + ordinal + " (expected: 0 to " + (ALL.length - 1) + ")");
            }
            return ALL[ordinal];
        }
    }

    int arity() {
        return kind.arity;
    }

    /** Calls {@code function}, of shape {@code kind}, with the arguments its arity takes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object invoke(Kind kind, Object function, Object first, Object second) throws Exception {
        return switch (kind) {
            case RUNNABLE -> {
                ((Runnable) function).run();
                yield null;
            }
            case CALLABLE -> ((Callable<?>) function).call();
            case FUNCTION -> ((SerializableFunction) function).apply(first);
            case BI_FUNCTION -> ((SerializableBiFunction) function).apply(first, second);
        };
    }
}
