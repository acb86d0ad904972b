package io.mproc.ring;

import io.mproc.memory.RegionNamespace;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Child JVM: {@code <namespace> <ring> <count>}; offers {@code count} messages [seq, checksum] to an SPSC ring. */
public final class SpscProducerChild {
    private SpscProducerChild() {
    }

    public static void main(String[] args) {
        long count = Long.parseLong(args[2]);
        try (RegionNamespace namespace = RegionNamespace.open(args[0]);
             SpscRing ring = SpscRing.attach(namespace, args[1])) {
            System.out.println("READY");
            MemorySegment message = MemorySegment.ofArray(new long[2]);
            for (long seq = 0; seq < count; seq++) {
                message.set(ValueLayout.JAVA_LONG, 0, seq);
                message.set(ValueLayout.JAVA_LONG, 8, MessageCheck.checksum(0, seq));
                while (!ring.offer(0, message, 0, 16)) {
                    Thread.onSpinWait();
                }
            }
            System.out.println("DONE " + count);
        }
    }
}
