package io.mproc.ring;

import io.mproc.memory.RegionNamespace;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Child JVM (or parent thread): polls until the ledger's stop flag, recording every message
 * in the ledger and checking that it is whole and that each producer's seqs increase.
 * Args: namespace ring ledger. Prints READY, CONSUMING (after 1000 messages), DONE.
 */
public final class MpmcConsumerMain {
    private MpmcConsumerMain() {
    }

    public static void main(String[] args) {
        try (RegionNamespace namespace = RegionNamespace.open(args[0]);
             MpmcRing ring = MpmcRing.attach(namespace, args[1])) {
            MpmcLedger ledger = MpmcLedger.attach(namespace, args[2]);
            System.out.println("READY");
            long got = consume(ring, ledger, () -> System.out.println("CONSUMING"));
            System.out.println("DONE " + got);
        }
    }

    static long consume(MpmcRing ring, MpmcLedger ledger, Runnable onStreaming) {
        long[] last = new long[ledger.producers()];
        Arrays.fill(last, -1);
        MessageHandler handler = (producer, buffer, offset, length) -> check(ledger, last, producer, buffer, offset, length);
        long received = 0;
        while (true) {
            if (ring.poll(handler)) {
                if (++received == 1000) {
                    onStreaming.run();
                }
            } else if (ledger.stopped()) {
                return received;
            } else {
                Thread.yield();
            }
        }
    }

    private static void check(MpmcLedger ledger, long[] last, int producer, MemorySegment buffer, long offset,
                              int length) {
        long seq = buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
        for (int at = 8; at + 8 <= length; at += 8) {
            if (buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + at) != seq) {
                ledger.torn();
                return;
            }
        }
        if (producer < 0 || producer >= last.length) {
            ledger.torn();
            return;
        }
        if (seq <= last[producer]) {
            ledger.orderViolation();
        }
        last[producer] = seq;
        ledger.delivered(producer, seq);
    }
}
