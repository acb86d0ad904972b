package io.mproc.bench.channel.sync;

import io.mproc.bench.channel.ChannelCatalog;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.SharedEvent;
import io.mproc.sync.SharedLock;
import io.mproc.sync.SharedSemaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-off channels with both sides as threads of one JVM (the smoke test runs them across
 * JVMs): every round trip completes, also when the waiter has gone to sleep before each one,
 * the objects end each run in the state the protocol promises (nothing left over, nothing
 * lost), and a side whose peer is gone gives up.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandoffChannelsTest {

    private static final long ROUNDS = 5_000;
    /** Rounds with a pause before each: enough for the blocking waiters to sleep many times. */
    private static final long ASLEEP_ROUNDS = 200;
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    @TempDir
    Path dir;

    static List<String> handoffNames() {
        return ChannelCatalog.handoffNames();
    }

    @Test
    void everyPrimitiveIsRegisteredSpinningAndBlockingUnderTheNamesTargetsUse() {
        assertEquals(List.of("event-spin", "event-blocking", "lock-spin", "lock-blocking", "semaphore-spin",
            "semaphore-blocking"), handoffNames());
        assertFalse(ChannelCatalog.pingPongNames().contains("event-spin"), "the pingpong suite must not run them");
        for (String name : handoffNames()) {
            assertEquals(name.endsWith("-blocking"), ChannelCatalog.pingPong(name).blocks(), name);
        }
    }

    @ParameterizedTest
    @MethodSource("handoffNames")
    void everyRoundTripCompletesBackToBack(String name) throws Exception {
        run(name, ROUNDS, 0);
    }

    @ParameterizedTest
    @MethodSource("handoffNames")
    void everyRoundTripCompletesWithThePeerAsleep(String name) throws Exception {
        run(name, ASLEEP_ROUNDS, PAUSE_NANOS);
    }

    @Test
    void aHandoffCarriesNoPayload() {
        PingPongChannel channel = ChannelCatalog.pingPong("event-spin");
        assertFalse(channel.carries(8));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
            () -> channel.openPinger(new ChannelSpec(dir, "eight", 8), PeerWatch.NONE));
        assertTrue(bad.getMessage().contains("payload=8"), bad.getMessage());
    }

    @ParameterizedTest
    @MethodSource("handoffNames")
    void aPingerGivesUpWhenItsWatchSaysThePeerIsGone(String name) throws Exception {
        try (Pinger pinger = ChannelCatalog.pingPong(name).openPinger(new ChannelSpec(dir, "lonely", 0), gone())) {
            assertThrows(PeerGoneException.class, () -> pinger.roundTrip(1));
        }
    }

    @ParameterizedTest
    @MethodSource("handoffNames")
    void aPongerGivesUpWhenItsWatchSaysThePeerIsGone(String name) throws Exception {
        PingPongChannel channel = ChannelCatalog.pingPong(name);
        ChannelSpec spec = new ChannelSpec(dir, "lonely", 0);
        // The pinger side creates the shared objects; it only has to exist.
        try (Pinger pinger = channel.openPinger(spec, PeerWatch.NONE);
             Ponger ponger = channel.openPonger(spec, gone())) {
            assertThrows(PeerGoneException.class, () -> ponger.echo(1));
            assertNotNull(pinger);
        }
    }

    private static PeerWatch gone() {
        return () -> {
            throw new PeerGoneException("no peer");
        };
    }

    private void run(String name, long rounds, long pauseNanos) throws Exception {
        PingPongChannel channel = ChannelCatalog.pingPong(name);
        ChannelSpec spec = new ChannelSpec(dir, "handoff", 0);
        CompletableFuture<Void> echoed = new CompletableFuture<>();
        AtomicBoolean pingerDone = new AtomicBoolean();
        // Each side stops waiting when the other has stopped, so a failure shows up as itself.
        PeerWatch pongerFailed = () -> {
            if (echoed.isCompletedExceptionally()) {
                throw new PeerGoneException("the ponger failed");
            }
        };
        PeerWatch pingerStopped = () -> {
            if (pingerDone.get()) {
                throw new PeerGoneException("the pinger stopped");
            }
        };
        try (Pinger pinger = channel.openPinger(spec, pongerFailed);
             Ponger ponger = channel.openPonger(spec, pingerStopped)) {
            Thread.ofPlatform().name("ponger").start(() -> {
                try {
                    for (long n = 1; n <= rounds; n++) {
                        ponger.echo(n);
                    }
                    echoed.complete(null);
                } catch (Throwable failed) {
                    echoed.completeExceptionally(failed);
                }
            });
            try {
                for (long n = 1; n <= rounds; n++) {
                    if (pauseNanos > 0) {
                        LockSupport.parkNanos(pauseNanos);
                    }
                    pinger.roundTrip(n);
                }
            } finally {
                pingerDone.set(true);
            }
            echoed.get(30, TimeUnit.SECONDS);
            assertEndState(name, spec, rounds);
        }
    }

    /** What the protocol leaves after {@code rounds} round trips, read through handles of our own. */
    private static void assertEndState(String name, ChannelSpec spec, long rounds) {
        try (RegionNamespace namespace = RegionNamespace.open(spec.dir(), spec.id())) {
            if (name.startsWith("event")) {
                assertFalse(SharedEvent.attach(namespace, TurnHandoff.PING).isSet(), "ping left set");
                // The pinger clears pong after its last await.
                assertFalse(SharedEvent.attach(namespace, TurnHandoff.PONG).isSet(), "pong left set");
            } else if (name.startsWith("semaphore")) {
                assertEquals(0, SharedSemaphore.attach(namespace, TurnHandoff.PING).availablePermits());
                assertEquals(0, SharedSemaphore.attach(namespace, TurnHandoff.PONG).availablePermits());
            } else {
                // Three batons, each always held by one side: none is ever free between rounds.
                for (int i = 0; i < LockHandoff.BATONS; i++) {
                    assertTrue(SharedLock.attach(namespace, LockHandoff.batonName(i)).isLocked(),
                        "baton " + i + " free after " + rounds + " rounds");
                }
            }
        }
    }
}
