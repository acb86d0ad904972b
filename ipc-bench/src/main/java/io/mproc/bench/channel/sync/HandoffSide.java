package io.mproc.bench.channel.sync;

import io.mproc.memory.RegionNamespace;

/**
 * One side of a hand-off channel: the namespace its objects live in (closing it unmaps them,
 * and on the bench side unlinks them) and the watchdog over its waiting thread.
 */
abstract class HandoffSide implements AutoCloseable {

    final RegionNamespace namespace;
    final PeerWatchdog watchdog;

    HandoffSide(RegionNamespace namespace, PeerWatchdog watchdog) {
        this.namespace = namespace;
        this.watchdog = watchdog;
    }

    @Override
    public void close() {
        watchdog.close();
        namespace.close();
    }
}
