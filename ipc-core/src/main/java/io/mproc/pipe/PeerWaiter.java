package io.mproc.pipe;

import io.mproc.ring.SpscRing;
import io.mproc.wait.WaitCondition;
import io.mproc.wait.WaitPoint;
import io.mproc.wait.WaitStrategy;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * How one {@link Connection} end waits on its peer: for a message to receive or for room to
 * send, one slice of at most {@link #RECHECK_NANOS} at a time, so that between slices its
 * caller looks whether the peer end is gone ({@link #peerGone}): closed, or held by a process
 * that died, which wakes nobody. The time of the last liveness check is shared by the end's
 * sending and receiving threads without synchronisation: a race only makes a check come early
 * or late, and every check is itself exact.
 */
final class PeerWaiter {
    /** How long a blocked call waits before it looks at the peer's liveness again. */
    static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final String connection;
    private final PipeState state;
    private final int peer;
    private final SpscRing out;
    private final SpscRing in;
    private final WaitStrategy waitStrategy;
    private final WaitCondition messageOrPeerClosed;
    private final WaitCondition roomOrPeerClosed;
    private long lastLivenessCheck;

    /** For the end that sends on {@code out} and receives on {@code in} (one of them null on a one-way pipe). */
    PeerWaiter(String connection, PipeState state, int peer, SpscRing out, SpscRing in, WaitStrategy waitStrategy) {
        this.connection = connection;
        this.state = state;
        this.peer = peer;
        this.out = out;
        this.in = in;
        this.waitStrategy = waitStrategy;
        this.messageOrPeerClosed = () -> !in.isEmpty() || state.isClosed(peer);
        // Conservative: only we write this ring, and we fill at most half of it, so once it is
        // empty any message fits, even beside what the receiver holds until its next receive.
        this.roomOrPeerClosed = () -> out.isEmpty() || state.isClosed(peer);
    }

    /**
     * Whether the peer closed its end or (looked at every {@link #RECHECK_NANOS}, or at once
     * when {@code now}) its holder died.
     */
    boolean peerGone(boolean now) {
        if (state.isClosed(peer)) {
            return true;
        }
        long time = System.nanoTime();
        if (!now && time - lastLivenessCheck < RECHECK_NANOS) {
            return false;
        }
        lastLivenessCheck = time;
        return state.isGone(peer);
    }

    /** Waits one slice for a message (or the peer's close); returns false once the deadline has passed. */
    boolean awaitMessage(long deadline) throws InterruptedIOException {
        return await(in.notEmpty(), messageOrPeerClosed, deadline);
    }

    /** Waits one slice for room to send (or the peer's close). */
    void awaitRoom() throws InterruptedIOException {
        await(out.notFull(), roomOrPeerClosed, WaitStrategy.FOREVER);
    }

    /** Waits one slice (at most {@link #RECHECK_NANOS}); returns false once the deadline has passed. */
    private boolean await(WaitPoint point, WaitCondition condition, long deadline) throws InterruptedIOException {
        long now = System.nanoTime();
        if (deadline != WaitStrategy.FOREVER && deadline - now <= 0) {
            return false;
        }
        long slice = deadline == WaitStrategy.FOREVER || deadline - now > RECHECK_NANOS ? now + RECHECK_NANOS : deadline;
        try {
            waitStrategy.await(point, condition, slice);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            InterruptedIOException thrown = new InterruptedIOException(connection + ": interrupted while waiting");
            thrown.initCause(interrupted);
            throw thrown;
        }
        return true;
    }
}
