package io.mproc.bench.harness;

import io.mproc.bench.channel.StdioLink;

import java.io.IOException;

/**
 * A channel's bench side and the peer JVM at its other end, opened in the order the channel
 * needs: over shared files the bench side first (it creates them), then the peer; over the
 * peer's stdin and stdout the peer first (the pipes come with it), then the bench side on its
 * pipes. Either way the watch follows the peer before the bench side waits on anything.
 * Closing closes the bench side, then kills the peer if it still runs.
 */
final class PeerSession<S extends AutoCloseable> implements AutoCloseable {

    /** Opens the bench side of a channel over shared files. */
    @FunctionalInterface
    interface FilesSide<S> {
        S open() throws IOException;
    }

    /** Opens the bench side of a channel on the peer's stdin and stdout. */
    @FunctionalInterface
    interface StdioSide<S> {
        S open(StdioLink peer) throws IOException;
    }

    /** Starts the peer, with its stdin and stdout piped to this JVM or not. */
    @FunctionalInterface
    interface Launcher {
        PeerProcess start(boolean stdioPiped) throws IOException;
    }

    private final S side;
    private final PeerProcess peer;

    private PeerSession(S side, PeerProcess peer) {
        this.side = side;
        this.peer = peer;
    }

    static <S extends AutoCloseable> PeerSession<S> filesFirst(FilesSide<S> opener, Launcher launcher,
                                                               PeerWatchHolder watch) throws IOException {
        S side = opener.open();
        try {
            PeerProcess peer = launcher.start(false);
            watch.follow(peer.watch());
            return new PeerSession<>(side, peer);
        } catch (IOException | RuntimeException failed) {
            close(side);
            throw failed;
        }
    }

    static <S extends AutoCloseable> PeerSession<S> peerFirst(StdioSide<S> opener, Launcher launcher,
                                                              PeerWatchHolder watch) throws IOException {
        PeerProcess peer = launcher.start(true);
        try {
            watch.follow(peer.watch());
            return new PeerSession<>(opener.open(peer.stdio()), peer);
        } catch (IOException | RuntimeException failed) {
            peer.close();
            throw failed;
        }
    }

    S side() {
        return side;
    }

    PeerProcess peer() {
        return peer;
    }

    @Override
    public void close() {
        try {
            close(side);
        } finally {
            peer.close();
        }
    }

    /** Pingers and consumers close without checked exceptions; anything else would be a bug. */
    private static void close(AutoCloseable side) {
        try {
            side.close();
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Exception checked) {
            throw new IllegalStateException("closing " + side, checked);
        }
    }
}
