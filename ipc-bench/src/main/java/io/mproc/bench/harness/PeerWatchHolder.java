package io.mproc.bench.harness;

import io.mproc.bench.channel.PeerWatch;

/**
 * The bench side opens its channel before the peer exists (it creates the shared files the
 * peer maps), so the watch it hands the channel starts empty and follows the peer once
 * started.
 */
final class PeerWatchHolder implements PeerWatch {

    private volatile PeerWatch current = PeerWatch.NONE;

    void follow(PeerWatch watch) {
        current = watch;
    }

    @Override
    public void check() {
        current.check();
    }
}
