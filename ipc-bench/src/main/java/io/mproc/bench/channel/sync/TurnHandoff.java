package io.mproc.bench.channel.sync;

import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.mproc.Waiting;
import io.mproc.memory.RegionNamespace;

/**
 * A hand-off through two objects of one primitive, {@code ping} and {@code pong}, each a
 * {@link Turn} that one side gives and the other takes:
 * <pre>
 *   pinger: ping.give(); pong.take();
 *   ponger: ping.take(); pong.give();
 * </pre>
 * A round trip is one give waking one take each way. The primitive says what giving and taking
 * are, and why no turn is lost or taken twice.
 */
abstract class TurnHandoff extends HandoffChannel {

    static final String PING = "ping";
    static final String PONG = "pong";

    /** One direction: the giver passes the turn, the taker waits for it and consumes it. */
    interface Turn {
        void give();

        void take() throws InterruptedException;
    }

    TurnHandoff(String primitive, Waiting waiting) {
        super(primitive, waiting);
    }

    /** Creates the object {@code name} in its initial state (no turn given), waiting with {@link #strategy()}. */
    abstract Turn create(RegionNamespace namespace, String name);

    /** Attaches the object {@code name}, waiting with {@link #strategy()}. */
    abstract Turn attach(RegionNamespace namespace, String name);

    @Override
    final Pinger pinger(RegionNamespace namespace, PeerWatchdog watchdog) {
        return new PingSide(namespace, watchdog, create(namespace, PING), create(namespace, PONG));
    }

    @Override
    final Ponger ponger(RegionNamespace namespace, PeerWatchdog watchdog) {
        return new PongSide(namespace, watchdog, attach(namespace, PING), attach(namespace, PONG));
    }

    /** Both sides: the two turns, and a take that gives up when the watchdog says so. */
    private abstract static class TurnSide extends HandoffSide {
        final Turn ping;
        final Turn pong;

        TurnSide(RegionNamespace namespace, PeerWatchdog watchdog, Turn ping, Turn pong) {
            super(namespace, watchdog);
            this.ping = ping;
            this.pong = pong;
        }

        final void take(Turn turn) {
            try {
                turn.take();
            } catch (InterruptedException interrupted) {
                throw watchdog.gone(interrupted);
            }
        }
    }

    private static final class PingSide extends TurnSide implements Pinger {
        PingSide(RegionNamespace namespace, PeerWatchdog watchdog, Turn ping, Turn pong) {
            super(namespace, watchdog, ping, pong);
        }

        @Override
        public void roundTrip(long sequence) {
            watchdog.enter();
            ping.give();
            take(pong);
        }
    }

    private static final class PongSide extends TurnSide implements Ponger {
        PongSide(RegionNamespace namespace, PeerWatchdog watchdog, Turn ping, Turn pong) {
            super(namespace, watchdog, ping, pong);
        }

        @Override
        public void echo(long sequence) {
            watchdog.enter();
            take(ping);
            pong.give();
        }
    }
}
