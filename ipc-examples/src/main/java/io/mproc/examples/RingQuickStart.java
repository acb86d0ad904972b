package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.ring.SpscRing;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The README's ring sample, kept here so that it always compiles: one message through an
 * SPSC ring in shared memory, the layer under the queues. Another JVM would attach with
 * {@code SpscRing.attach(RegionNamespace.open("quotes"), "ticks")}.
 */
public final class RingQuickStart {
    public static void main(String[] args) {
        // README-SAMPLE-START
        try (RegionNamespace ns = RegionNamespace.open("quotes");        // /dev/shm/mproc-<user>/quotes
             SpscRing ring = SpscRing.create(ns, "ticks", 1 << 20, 256)) {  // 1 MiB ring, messages ≤ 256 B
            byte[] tick = "EURUSD 1.0842".getBytes(StandardCharsets.US_ASCII);
            boolean sent = ring.offer(1, tick, 0, tick.length);          // false when full: back-pressure
            ring.poll((type, buffer, offset, length) -> {                 // read in place, zero-copy
                byte[] bytes = buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE);
                System.out.println(sent + " " + type + " " + new String(bytes, StandardCharsets.US_ASCII));
            });
        }                                                                 // closing ns unlinks the ring
        // README-SAMPLE-END
    }
}
