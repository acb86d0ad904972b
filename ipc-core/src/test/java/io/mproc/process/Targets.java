package io.mproc.process;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import io.mproc.memory.RegionKind;
import io.mproc.memory.RegionNamespace;
import java.time.Duration;

/** Targets the process tests run in child JVMs, and the flag region they report through. */
final class Targets {
    private Targets() {
    }

    static final RegionKind FLAGS = new RegionKind("test.flags", 1);

    /** A region of eight longs, all 0, that children set and parents wait for. */
    static Region flags(RegionNamespace namespace, String name) {
        return namespace.create(name, FLAGS, 64, null);
    }

    /** Child: sets flag {@code index} to {@code value} (release). */
    static void set(Region flags, int index, long value) {
        OrderedAccess.setLongRelease(flags.body(), 8L * index, value);
    }

    static long get(Region flags, int index) {
        return OrderedAccess.getLongAcquire(flags.body(), 8L * index);
    }

    /** Parent: waits until flag {@code index} is not 0 and returns it; fails after {@code timeout}. */
    static long await(Region flags, int index, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long value = get(flags, index);
            if (value != 0) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("flag " + index + " of " + flags + " still 0 after " + timeout);
            }
            Thread.sleep(2);
        }
    }

    /** Child: says it is running (flag 0 = 1), then sleeps until a signal ends it. */
    static void markAndSleep(Region flags) throws InterruptedException {
        set(flags, 0, 1);
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Child: a static method target. */
    static int add(Integer a, int b) {
        return a + b;
    }
}
