package io.mproc.bench.channel.mapped;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.channel.StreamProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The protocols of the raw mapped channels, with both sides as threads of one JVM mapping the
 * same file twice (the cross-JVM run is the smoke test's).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MappedChannelsTest {

    private static final long ROUNDS = 20_000;

    @TempDir
    Path dir;

    @Test
    void mappedLongBouncesEveryMessage() throws Exception {
        MappedLongPingPong channel = new MappedLongPingPong();
        ChannelSpec spec = new ChannelSpec(dir, "pp", 8);
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
            echo.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPingerGivesUpWhenItsWatchSaysThePeerIsGone() throws Exception {
        MappedLongPingPong channel = new MappedLongPingPong();
        try (Pinger pinger = channel.openPinger(new ChannelSpec(dir, "lonely", 8), () -> {
            throw new PeerGoneException("no peer");
        })) {
            assertThrows(PeerGoneException.class, () -> pinger.roundTrip(1));
        }
    }

    @Test
    void ringDeliversEveryValueInOrderAcrossWrapAround() throws Exception {
        MappedLongRing channel = new MappedLongRing();
        ChannelSpec spec = new ChannelSpec(dir, "ring", 8);
        long messages = 100_000; // many times the ring's capacity
        try (StreamConsumer consumer = channel.openConsumer(spec, PeerWatch.NONE);
             StreamProducer producer = channel.openProducer(spec, PeerWatch.NONE)) {
            CompletableFuture<Void> produce = CompletableFuture.runAsync(() -> {
                for (long v = 1; v <= messages; v++) {
                    producer.send(v);
                }
            }, runnable -> Thread.ofPlatform().start(runnable));
            long taken = 0;
            while (taken < messages) {
                int n = consumer.drain(1000);
                if (n == 0) {
                    Thread.onSpinWait();
                }
                taken += n;
            }
            produce.get(10, TimeUnit.SECONDS);
            assertEquals(messages, taken);
            assertEquals(0, consumer.drain(10));
        }
    }
}
