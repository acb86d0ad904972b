package io.mproc.bench.channel.mproc;

import io.mproc.memory.RegionNamespace;
import io.mproc.ring.MessageRing;
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
    };
    // ---- MPMC goes here ----
    // When io.mproc.ring.MpmcRing lands (create(ns, name, slots, maxMessageLength): a capacity in
    // slots, not bytes), add an MPMC constant mapping capacityBytes to slots (e.g. capacityBytes /
    // (header + maxMessageLength) rounded to a power of two), then register "mproc-mpmc" channels
    // in ChannelCatalog next to mproc-mpsc, and the 2x2 stream ("mproc-mpmc-2x2") once the
    // harness has more than one producer peer.

    /** Creates the ring {@code name} (the bench side). */
    abstract MessageRing create(RegionNamespace namespace, String name, int capacityBytes, int maxMessageLength);

    /** Attaches the ring {@code name} created by the other side (the peer). */
    abstract MessageRing attach(RegionNamespace namespace, String name);
}
