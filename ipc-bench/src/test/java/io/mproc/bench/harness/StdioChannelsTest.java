package io.mproc.bench.harness;

import io.mproc.bench.Counts;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.stdio.PipePingPong;
import io.mproc.bench.channel.stdio.PipeStream;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.bench.machine.PinningPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The channels over a peer's stdin and stdout, with a real peer JVM (their pipes exist only with
 * one): the harness starts the peer first, the peer's READY and DONE arrive on stderr while its
 * stdout carries only the channel's bytes, and a pinger whose peer has gone gives up.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StdioChannelsTest {

    private static final PinningPlan UNPINNED = PinningPlan.off("a test");
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void pipeRoundTripsWithARealPeerAtBothPayloadSizes() throws Exception {
        PingPongHarness harness = new PingPongHarness(UNPINNED, LIMIT);
        for (int payload : new int[] {8, 1024}) {
            RepeatedLatency rounds = harness.measure(new PipePingPong("stdio-pipe"),
                new ChannelSpec(dir, "pp-" + payload, payload), new Counts(200, 2, 300)).value();
            assertEquals(2, rounds.repetitions().size());
            assertTrue(rounds.median() > 0);
        }
    }

    @Test
    void pipeStreamDeliversEveryValueFromARealPeer() throws Exception {
        RepeatedValue rates = new ThroughputHarness(UNPINNED, LIMIT)
            .measure(new PipeStream("stdio-pipe"), new ChannelSpec(dir, "stream", 8), new Counts(5_000, 2, 20_000))
            .value();
        assertTrue(rates.median() > 0);
    }

    @Test
    void aPipePingerWhosePeerHasExitedGivesUp() throws Exception {
        PipePingPong channel = new PipePingPong("stdio-pipe");
        ChannelSpec spec = new ChannelSpec(dir, "once", 8);
        try (PeerProcess peer = PeerProcess.start(UNPINNED, "pong", channel.name(), spec, 1, LIMIT, true);
             Pinger pinger = channel.openPinger(spec, peer.watch(), peer.stdio())) {
            peer.awaitReady(Duration.ofSeconds(30));
            pinger.roundTrip(1);
            peer.awaitSuccess(Duration.ofSeconds(30));
            assertThrows(PeerGoneException.class, () -> pinger.roundTrip(2));
        }
    }
}
