package io.mproc.ring;

import io.mproc.memory.RegionNamespace;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Child JVM: {@code <namespace> <ring> <producerId> <count>}; offers messages of type
 * {@code producerId} with payload [seq, checksum] to an MPSC ring; {@code count < 0} means
 * until killed. Lengths alternate between 16 and 8 bytes (seq only) to vary the records. A
 * fifth argument {@code slow} claims, writes the payload byte by byte with pauses, then commits:
 * a process killed then is most likely holding an uncommitted claim.
 */
public final class MpscProducerChild {
    private MpscProducerChild() {
    }

    public static void main(String[] args) {
        int id = Integer.parseInt(args[2]);
        long count = Long.parseLong(args[3]);
        boolean slow = args.length > 4 && args[4].equals("slow");
        try (RegionNamespace namespace = RegionNamespace.open(args[0]);
             MpscRing ring = MpscRing.attach(namespace, args[1])) {
            System.out.println("READY");
            MemorySegment message = MemorySegment.ofArray(new long[2]);
            for (long seq = 0; count < 0 || seq < count; seq++) {
                message.set(ValueLayout.JAVA_LONG, 0, seq);
                message.set(ValueLayout.JAVA_LONG, 8, MessageCheck.checksum(id, seq));
                int length = MessageCheck.length(seq);
                if (slow) {
                    offerSlowly(ring, id, message, length);
                    continue;
                }
                while (!ring.offer(id, message, 0, length)) {
                    Thread.onSpinWait();
                }
            }
            System.out.println("DONE " + count);
        }
    }

    private static void offerSlowly(MpscRing ring, int id, MemorySegment message, int length) {
        long index;
        while ((index = ring.tryClaim(id, length)) < 0) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < length; i++) {
            ring.buffer().set(ValueLayout.JAVA_BYTE, index + i, message.get(ValueLayout.JAVA_BYTE, i));
            for (int pause = 0; pause < 20; pause++) {
                Thread.onSpinWait();
            }
        }
        ring.commit(index);
    }
}
