package io.mproc.bench.harness;

import io.mproc.bench.Counts;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.SpinWait;
import io.mproc.bench.channel.StdioStreamChannel;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.bench.machine.PinningPlan;

import java.time.Duration;

/**
 * One-way throughput of a {@link StreamChannel}: a peer JVM produces as fast as the channel
 * takes messages; this JVM consumes on a pinned thread and times each repetition of
 * {@code perRep} messages, after {@code warmup} untimed ones.
 */
public final class ThroughputHarness {

    private final PinningPlan pinning;
    private final Duration limit;

    public ThroughputHarness(PinningPlan pinning, Duration limit) {
        this.pinning = pinning;
        this.limit = limit;
    }

    /** Messages per second of each repetition. */
    public MeasuringThread.Outcome<RepeatedValue> measure(StreamChannel channel, ChannelSpec spec, Counts counts)
        throws Exception {
        PeerWatchHolder watch = new PeerWatchHolder();
        PeerSession.Launcher launcher =
            piped -> PeerProcess.start(pinning, "produce", channel.name(), spec, counts.total(), limit, piped);
        try (PeerSession<StreamConsumer> session = channel instanceof StdioStreamChannel overStdio
            ? PeerSession.peerFirst(stdio -> overStdio.openConsumer(spec, watch, stdio), launcher, watch)
            : PeerSession.filesFirst(() -> channel.openConsumer(spec, watch), launcher, watch)) {
            StreamConsumer consumer = session.side();
            PeerProcess peer = session.peer();
            peer.awaitReady(Duration.ofSeconds(60));
            MeasuringThread.Outcome<RepeatedValue> outcome =
                MeasuringThread.run(pinning, () -> consume(consumer, counts, new SpinWait(watch)));
            peer.awaitSuccess(Duration.ofSeconds(30));
            return outcome;
        }
    }

    private static RepeatedValue consume(StreamConsumer consumer, Counts counts, SpinWait spin) {
        take(consumer, counts.warmup(), spin);
        double[] rates = new double[counts.reps()];
        for (int rep = 0; rep < counts.reps(); rep++) {
            long start = System.nanoTime();
            take(consumer, counts.perRep(), spin);
            rates[rep] = counts.perRep() * 1e9 / (System.nanoTime() - start);
        }
        return new RepeatedValue(rates);
    }

    private static void take(StreamConsumer consumer, long messages, SpinWait spin) {
        long taken = 0;
        while (taken < messages) {
            int n = consumer.drain((int) Math.min(Integer.MAX_VALUE, messages - taken));
            if (n == 0) {
                spin.idle();
            }
            taken += n;
        }
    }
}
