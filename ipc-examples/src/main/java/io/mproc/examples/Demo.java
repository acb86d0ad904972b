package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.ring.SpscRing;
import io.mproc.wait.WaitStrategy;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The main demo: this JVM starts a second JVM, and the two bounce an 8-byte message back and
 * forth through two SPSC rings in shared memory, then this side prints the round-trip
 * percentiles. Both sides busy-spin, so on a machine with 2+ cores each takes one core for the
 * few seconds the demo runs.
 */
public final class Demo {
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 200_000;
    private static final int CAPACITY = 64 * 1024;
    private static final int MAX_MESSAGE = 64;

    public static void main(String[] args) throws Exception {
        String nsName = "demo-" + ProcessHandle.current().pid();
        try (RegionNamespace namespace = RegionNamespace.open(nsName);
             SpscRing ping = SpscRing.create(namespace, "ping", CAPACITY, MAX_MESSAGE);
             SpscRing pong = SpscRing.create(namespace, "pong", CAPACITY, MAX_MESSAGE)) {
            System.out.println("mproc demo: two JVMs, 8-byte ping-pong through shared-memory rings");
            // The peer is a JvmProcess: it gets this JVM's class path, mproc's flags and its
            // mproc.* properties (such as the region root), and exits if this JVM dies.
            try (JvmProcess<Void> peer = JvmProcess.run(Demo::echo, nsName).start()) {
                long[] rtt = pingPong(ping, pong);
                Arrays.sort(rtt);
                System.out.printf("round trips: %,d (after %,d warm-up)%n", MEASURED, WARM_UP);
                System.out.printf("RTT median %,d ns   p90 %,d ns   p99 %,d ns   p99.9 %,d ns   max %,d ns%n",
                    pct(rtt, 0.50), pct(rtt, 0.90), pct(rtt, 0.99), pct(rtt, 0.999), rtt[rtt.length - 1]);
                peer.join();
            }
        }
    }

    private static long[] pingPong(SpscRing ping, SpscRing pong) throws InterruptedException {
        MemorySegment message = MemorySegment.ofArray(new long[1]);
        long[] received = new long[1];
        long[] rtt = new long[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            message.set(ValueLayout.JAVA_LONG, 0, i);
            long start = System.nanoTime();
            while (!ping.offer(1, message, 0, 8)) {
                Thread.onSpinWait();
            }
            WaitStrategy.busySpin().await(pong.notEmpty(), () -> !pong.isEmpty(), WaitStrategy.FOREVER);
            pong.poll((type, buffer, offset, length) -> received[0] = buffer.get(ValueLayout.JAVA_LONG, offset));
            long end = System.nanoTime();
            if (received[0] != i) {
                throw new IllegalStateException("expected " + i + " back, got " + received[0]);
            }
            if (i >= WARM_UP) {
                rtt[i - WARM_UP] = end - start;
            }
        }
        ping.offer(2, message, 0, 0); // type 2: stop
        return rtt;
    }

    /** The peer JVM: sends every message straight back until told to stop. */
    static void echo(String nsName) throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open(nsName);
             SpscRing ping = SpscRing.attach(namespace, "ping");
             SpscRing pong = SpscRing.attach(namespace, "pong")) {
            boolean[] stop = {false};
            while (!stop[0]) {
                WaitStrategy.busySpin().await(ping.notEmpty(), () -> !ping.isEmpty(), WaitStrategy.FOREVER);
                ping.poll((type, buffer, offset, length) -> {
                    if (type == 2) {
                        stop[0] = true;
                    } else {
                        while (!pong.offer(1, buffer, offset, length)) {
                            Thread.onSpinWait();
                        }
                    }
                });
            }
        }
    }

    private static long pct(long[] sorted, double fraction) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(fraction * (sorted.length - 1)))];
    }
}
