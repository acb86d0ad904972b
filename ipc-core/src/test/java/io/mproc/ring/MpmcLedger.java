package io.mproc.ring;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import io.mproc.memory.RegionKind;
import io.mproc.memory.RegionNamespace;
import java.lang.foreign.MemorySegment;

/**
 * What the processes of a cross-process MPMC test report, in a shared region that survives a
 * SIGKILL: a delivered bit per (producer, seq), each producer's committed count, and counters
 * of duplicates, order violations and torn messages, plus the parent's stop flag.
 */
final class MpmcLedger {
    static final RegionKind KIND = new RegionKind("test.mpmc.ledger", 1);
    private static final long STOP = 0;
    private static final long ORDER_VIOLATIONS = 4;
    private static final long TORN = 8;
    private static final long DUPLICATES = 12;
    private static final long PRODUCERS = 16;
    private static final long PER_PRODUCER = 20;
    private static final long COMMITTED = 64;
    private static final long BITS = 1024;

    private final MemorySegment body;
    private final int producers;
    private final int perProducer;
    private final long wordsPerProducer;

    private MpmcLedger(Region region) {
        this.body = region.body();
        this.producers = OrderedAccess.getIntPlain(body, PRODUCERS);
        this.perProducer = OrderedAccess.getIntPlain(body, PER_PRODUCER);
        this.wordsPerProducer = (perProducer + 63) / 64;
    }

    static MpmcLedger create(RegionNamespace namespace, String name, int producers, int perProducer) {
        long size = BITS + (long) producers * ((perProducer + 63) / 64) * 8;
        return new MpmcLedger(namespace.create(name, KIND, size, body -> {
            OrderedAccess.setIntPlain(body, PRODUCERS, producers);
            OrderedAccess.setIntPlain(body, PER_PRODUCER, perProducer);
        }));
    }

    static MpmcLedger attach(RegionNamespace namespace, String name) {
        return new MpmcLedger(namespace.attach(name, KIND));
    }

    int producers() {
        return producers;
    }

    int perProducer() {
        return perProducer;
    }

    /** Records a delivery; a second delivery of the same message counts as a duplicate. */
    void delivered(int producer, long seq) {
        if (producer < 0 || producer >= producers || seq < 0 || seq >= perProducer) {
            OrderedAccess.getAndAddInt(body, TORN, 1);
            return;
        }
        long word = BITS + (producer * wordsPerProducer + seq / 64) * 8;
        long bit = 1L << (seq % 64);
        while (true) {
            long old = OrderedAccess.getLongVolatile(body, word);
            if ((old & bit) != 0) {
                OrderedAccess.getAndAddInt(body, DUPLICATES, 1);
                return;
            }
            if (OrderedAccess.compareAndSetLong(body, word, old, old | bit)) {
                return;
            }
        }
    }

    boolean isDelivered(int producer, long seq) {
        long word = BITS + (producer * wordsPerProducer + seq / 64) * 8;
        return (OrderedAccess.getLongVolatile(body, word) & (1L << (seq % 64))) != 0;
    }

    long deliveredCount(int producer) {
        long count = 0;
        for (long w = 0; w < wordsPerProducer; w++) {
            count += Long.bitCount(OrderedAccess.getLongVolatile(body, BITS + (producer * wordsPerProducer + w) * 8));
        }
        return count;
    }

    void committed(int producer, int count) {
        OrderedAccess.setIntVolatile(body, COMMITTED + producer * 8L, count);
    }

    int committedCount(int producer) {
        return OrderedAccess.getIntVolatile(body, COMMITTED + producer * 8L);
    }

    void orderViolation() {
        OrderedAccess.getAndAddInt(body, ORDER_VIOLATIONS, 1);
    }

    void torn() {
        OrderedAccess.getAndAddInt(body, TORN, 1);
    }

    int orderViolations() {
        return OrderedAccess.getIntVolatile(body, ORDER_VIOLATIONS);
    }

    int tornMessages() {
        return OrderedAccess.getIntVolatile(body, TORN);
    }

    int duplicates() {
        return OrderedAccess.getIntVolatile(body, DUPLICATES);
    }

    void stop() {
        OrderedAccess.setIntVolatile(body, STOP, 1);
    }

    boolean stopped() {
        return OrderedAccess.getIntVolatile(body, STOP) != 0;
    }
}
