package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.shared.SharedDouble;
import io.mproc.shared.SharedIntArray;
import io.mproc.shared.SharedLong;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shared values and arrays. First Python's own example of {@code Value('d', 0.0)} and
 * {@code Array('i', range(10))}: a child process sets the number and negates every element,
 * and the parent sees it. Then three processes count hits with an atomic
 * {@code incrementAndGet()}, which, unlike Python's {@code v.value += 1}, needs no lock.
 *
 * <pre>
 * 3.1415927
 * [0, -1, -2, -3, -4, -5, -6, -7, -8, -9]
 * hits: 3000 (expected 3000)
 * </pre>
 */
public final class SharedValues {
    private SharedValues() {
    }

    static void negate(SharedDouble number, SharedIntArray array) {
        number.set(3.1415927);
        for (int i = 0; i < array.length(); i++) {
            array.set(i, -array.get(i));
        }
    }

    public static void main(String[] args) throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open("values-example-" + ProcessHandle.current().pid());
             SharedDouble number = SharedDouble.create(namespace, "number", 0.0);
             SharedIntArray array = SharedIntArray.create(namespace, "array", 10);
             SharedLong hits = SharedLong.create(namespace, "hits", 0)) {
            for (int i = 0; i < 10; i++) {
                array.set(i, i);
            }
            try (JvmProcess<Void> child = JvmProcess.run(SharedValues::negate, number, array).start()) {
                child.join();
            }
            System.out.println(number.get());
            System.out.println(Arrays.toString(array.toArray()));

            List<JvmProcess<Void>> counters = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                counters.add(JvmProcess.run((SharedLong shared) -> {
                    for (int hit = 0; hit < 1000; hit++) {
                        shared.incrementAndGet(); // atomic across processes
                    }
                }, hits).start());
            }
            for (JvmProcess<Void> counter : counters) {
                counter.join();
                counter.close();
            }
            System.out.println("hits: " + hits.get() + " (expected 3000)");
        }
    }
}
