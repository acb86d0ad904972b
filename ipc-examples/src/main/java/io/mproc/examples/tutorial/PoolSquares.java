package io.mproc.examples.tutorial;

import io.mproc.pool.ProcessPool;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

/**
 * Tutorial example 3: a pool of four worker processes squares the numbers 0 to 9. Python's
 * {@code with Pool(4) as pool: pool.map(square, range(10))}.
 *
 * <pre>
 * [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
 * </pre>
 *
 * <p>The root README quotes the lines between the {@code README-SAMPLE} markers; its test keeps
 * them identical.
 */
public final class PoolSquares {
    private PoolSquares() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        // README-SAMPLE-START
        // close() waits for the accepted tasks, then stops the workers (Java's ExecutorService rule).
        try (ProcessPool pool = ProcessPool.create(4)) {
            List<Integer> squares = pool.map(n -> n * n, IntStream.range(0, 10).boxed().toList());
            System.out.println(squares);
        }
        // README-SAMPLE-END
    }
}
