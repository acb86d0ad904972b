package io.mproc.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoolSmokeTest extends PoolTestBase {
    @Test
    void mapsAndApplies() throws Exception {
        long t0 = System.nanoTime();
        try (ProcessPool pool = ProcessPool.builder().workers(2).launchSettings(quiet()).namespace(namespace).start()) {
            System.out.println("started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            List<Integer> inputs = IntStream.range(0, 1000).boxed().toList();
            assertEquals(inputs.stream().map(x -> x * x).toList(), pool.map(x -> x * x, inputs));
            int doubled = pool.apply((Integer x) -> x * 2, 21);
            assertEquals(42, doubled);
            System.out.println("done in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
        System.out.println("closed in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
