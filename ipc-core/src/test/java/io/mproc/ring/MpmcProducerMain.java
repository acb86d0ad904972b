package io.mproc.ring;

import io.mproc.memory.RegionNamespace;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Child JVM (or parent thread): offers {@code count} messages of producer {@code id}, payload
 * its seq in every 8-byte word, recording each commit in the ledger.
 * Args: namespace ring ledger id count [pauseEvery]: with pauseEvery > 0 it sleeps 1 ms after
 * every that many messages, to keep a stream running for a while. Prints READY, PRODUCING
 * (after 1000), DONE.
 */
public final class MpmcProducerMain {
    private MpmcProducerMain() {
    }

    public static void main(String[] args) {
        try (RegionNamespace namespace = RegionNamespace.open(args[0]);
             MpmcRing ring = MpmcRing.attach(namespace, args[1])) {
            MpmcLedger ledger = MpmcLedger.attach(namespace, args[2]);
            System.out.println("READY");
            int pauseEvery = args.length > 5 ? Integer.parseInt(args[5]) : 0;
            produce(ring, ledger, Integer.parseInt(args[3]), Integer.parseInt(args[4]), pauseEvery,
                () -> System.out.println("PRODUCING"), () -> false);
            System.out.println("DONE");
        }
    }

    /** Returns how many messages it committed (fewer than {@code count} if {@code stop} said so). */
    static int produce(MpmcRing ring, MpmcLedger ledger, int id, int count, int pauseEvery,
                       Runnable onStreaming, BooleanSupplier stop) {
        byte[] message = new byte[ring.maxMessageLength()];
        MemorySegment view = MemorySegment.ofArray(message);
        for (int seq = 0; seq < count; seq++) {
            if (pauseEvery > 0 && seq % pauseEvery == 0 && seq > 0) {
                if (stop.getAsBoolean()) {
                    return seq;
                }
                LockSupport.parkNanos(1_000_000);
            }
            for (int at = 0; at + 8 <= message.length; at += 8) {
                view.set(ValueLayout.JAVA_LONG_UNALIGNED, at, seq);
            }
            while (!ring.offer(id, message, 0, message.length)) {
                Thread.yield();
            }
            ledger.committed(id, seq + 1);
            if (seq == 1000) {
                onStreaming.run();
            }
        }
        return count;
    }
}
