package io.mproc.bench.channel;

import io.mproc.bench.channel.agrona.AgronaJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every channel of the catalog, both sides as threads of one JVM (the cross-JVM run is the
 * smoke test's): every message arrives, in order, with every payload size it claims to carry,
 * and a side whose peer is gone gives up instead of waiting for ever.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CatalogChannelsTest {

    private static final long ROUNDS = 2_000;
    private static final long MESSAGES = 100_000; // many times every ring's capacity

    @TempDir
    Path dir;

    // Channels over a peer's stdin and stdout have no pipes without a peer JVM: StdioChannelsTest.
    static List<String> pingPongNames() {
        return ChannelCatalog.pingPongNames().stream()
            .filter(name -> !(ChannelCatalog.pingPong(name) instanceof StdioPingPongChannel)).toList();
    }

    static List<String> streamNames() {
        return ChannelCatalog.streamNames().stream()
            .filter(name -> !(ChannelCatalog.stream(name) instanceof StdioStreamChannel)).toList();
    }

    @Test
    void theSurefireJvmHasWhatAgronaNeeds() {
        assertNull(AgronaJvm.unavailableReason());
    }

    @Test
    void theRingsAndTheirPeerAreRegisteredUnderTheNamesTargetsUse() {
        assertTrue(pingPongNames().containsAll(List.of("agrona-ring", "agrona-mpsc-ring", "mproc-spsc", "mproc-mpsc",
            "mproc-spsc-default", "mproc-queue-spin", "mproc-queue-spin-inplace", "mproc-queue-spin-many",
            "mproc-queue-default", "mproc-pipe")),
            pingPongNames().toString());
        assertTrue(streamNames().containsAll(List.of("agrona-ring", "agrona-mpsc-ring", "mproc-spsc", "mproc-mpsc",
            "mproc-spsc-claim")), streamNames().toString());
    }

    @ParameterizedTest
    @MethodSource("pingPongNames")
    void pingPongEchoesEveryMessageAtEverySizeItCarries(String name) throws Exception {
        PingPongChannel channel = ChannelCatalog.pingPong(name);
        for (int payload : new int[] {8, 1024}) {
            if (!channel.carries(payload)) {
                continue;
            }
            ChannelSpec spec = new ChannelSpec(dir, "pp-" + payload, payload);
            try (Pinger pinger = channel.openPinger(spec, PeerWatch.NONE);
                 Ponger ponger = channel.openPonger(spec, PeerWatch.NONE)) {
                CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
                    for (long n = 1; n <= ROUNDS; n++) {
                        ponger.echo(n);
                    }
                }, runnable -> Thread.ofPlatform().start(runnable));
                for (long n = 1; n <= ROUNDS; n++) {
                    pinger.roundTrip(n);
                }
                echo.get(20, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("pingPongNames")
    void aPingerGivesUpWhenItsWatchSaysThePeerIsGone(String name) throws Exception {
        try (Pinger pinger = ChannelCatalog.pingPong(name).openPinger(new ChannelSpec(dir, "lonely", 8), () -> {
            throw new PeerGoneException("no peer");
        })) {
            assertThrows(PeerGoneException.class, () -> pinger.roundTrip(1));
        }
    }

    @ParameterizedTest
    @MethodSource("streamNames")
    void streamDeliversEveryValueInOrder(String name) throws Exception {
        StreamChannel channel = ChannelCatalog.stream(name);
        ChannelSpec spec = new ChannelSpec(dir, "stream", 8);
        try (StreamConsumer consumer = channel.openConsumer(spec, PeerWatch.NONE);
             StreamProducer producer = channel.openProducer(spec, PeerWatch.NONE)) {
            CompletableFuture<Void> produce = CompletableFuture.runAsync(() -> {
                for (long v = 1; v <= MESSAGES; v++) {
                    producer.send(v);
                }
            }, runnable -> Thread.ofPlatform().start(runnable));
            long taken = 0;
            while (taken < MESSAGES) {
                int n = consumer.drain((int) (MESSAGES - taken));
                if (n == 0) {
                    Thread.onSpinWait();
                }
                taken += n;
            }
            produce.get(20, TimeUnit.SECONDS);
        }
    }
}
