package io.mproc.bench.channel.mproc;

import io.mproc.memory.RegionNamespace;
import io.mproc.ring.MessageRing;
import io.mproc.ring.MpmcRing;
import io.mproc.ring.MpscRing;
import io.mproc.ring.SpscRing;

/** Which of mproc's rings a channel uses, and how each side creates or attaches it. */
public enum RingKind {
    SPSC {
        @Override
        MessageRing create(RegionNamespace namespace, String name, int capacityBytes, int maxMessageLength) {
            return SpscRing.create(namespace, name, capacityBytes, maxMessageLength);
        }

        @Override
        MessageRing attach(RegionNamespace namespace, String name) {
            return SpscRing.attach(namespace, name);
        }
    },
    MPSC {
        @Override
        MessageRing create(RegionNamespace namespace, String name, int capacityBytes, int maxMessageLength) {
            return MpscRing.create(namespace, name, capacityBytes, maxMessageLength);
        }

        @Override
        MessageRing attach(RegionNamespace namespace, String name) {
            return MpscRing.attach(namespace, name);
        }
    },
    MPMC {
        @Override
        MessageRing create(RegionNamespace namespace, String name, int capacityBytes, int maxMessageLength) {
            return MpmcRing.create(namespace, name, slotsFor(capacityBytes, maxMessageLength), maxMessageLength);
        }

        @Override
        MessageRing attach(RegionNamespace namespace, String name) {
            return MpmcRing.attach(namespace, name);
        }
    };

    /**
     * An MPMC ring is sized in fixed slots, not bytes: as many slots of the largest message
     * (plus a 16-byte control word and header) as fit in {@code capacityBytes}, rounded down
     * to a power of two, at least 2.
     */
    static int slotsFor(int capacityBytes, int maxMessageLength) {
        return Math.max(2, Integer.highestOneBit(capacityBytes / (16 + maxMessageLength)));
    }

    /** Creates the ring {@code name} (the bench side). */
    abstract MessageRing create(RegionNamespace namespace, String name, int capacityBytes, int maxMessageLength);

    /** Attaches the ring {@code name} created by the other side (the peer). */
    abstract MessageRing attach(RegionNamespace namespace, String name);
}
