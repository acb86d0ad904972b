package io.mproc.bench.harness;

import io.mproc.bench.Counts;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.SpinWait;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.channel.StreamProducer;
import io.mproc.bench.latency.LatencyRecorder;
import io.mproc.bench.latency.LatencyRepetitions;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.machine.PinningPlan;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One-way latency of a {@link StreamChannel} at a fixed rate, coordinated-omission aware (as
 * Chronicle's JLBH measures): the peer JVM sends message n at its
 * {@link FixedRateSchedule#intendedNanos(long) scheduled time} (spinning until then, or at once
 * when late); this JVM takes each message as it arrives, on a pinned thread, one at a time, and
 * records arrival minus scheduled send time in HdrHistogram. The message carries only its
 * sequence number: both JVMs know the schedule, and their {@code System.nanoTime()} is one clock.
 * The schedule starts once this side is ready to receive, so the figures hold no start-up backlog;
 * the warm-up messages (not recorded) let both JITs finish.
 */
public final class FixedRateHarness {

    /** The sending peer's role in {@link PeerMain}. */
    static final String ROLE = "produce-at-rate";

    private final PinningPlan pinning;
    private final Duration limit;

    /** {@code limit} bounds the whole measurement; past it both sides give up. */
    public FixedRateHarness(PinningPlan pinning, Duration limit) {
        this.pinning = pinning;
        this.limit = limit;
    }

    /** Latencies of each repetition of {@code counts}; {@code spec} carries the rate. */
    public MeasuringThread.Outcome<RepeatedLatency> measure(StreamChannel channel, ChannelSpec spec, Counts counts)
        throws Exception {
        PeerWatchHolder watch = new PeerWatchHolder();
        try (PeerSession<StreamConsumer> session = PeerSession.filesFirst(() -> channel.openConsumer(spec, watch),
            piped -> PeerProcess.start(pinning, ROLE, channel.name(), spec, counts.total(), limit, piped), watch)) {
            PeerProcess peer = session.peer();
            peer.awaitReady(Duration.ofSeconds(60));
            MeasuringThread.Outcome<RepeatedLatency> outcome = MeasuringThread.run(pinning, () -> receive(
                session.side(), FixedRateSchedule.announce(spec), counts, new SpinWait(watch), System::nanoTime));
            peer.awaitSuccess(Duration.ofSeconds(30));
            return outcome;
        }
    }

    /**
     * Takes every message of {@code counts}, recording from the first after the warm-up: each
     * one's arrival ({@code clock} right after the drain that took it) minus its scheduled send.
     */
    static RepeatedLatency receive(StreamConsumer consumer, FixedRateSchedule schedule, Counts counts, SpinWait spin,
                                   LongSupplier clock) {
        long[] next = {1};
        take(consumer, schedule, counts.warmup(), null, next, spin, clock);
        LatencyRepetitions reps = new LatencyRepetitions(counts.reps());
        for (int rep = 0; rep < counts.reps(); rep++) {
            take(consumer, schedule, counts.perRep(), reps.begin(), next, spin, clock);
            reps.end();
        }
        return reps.result();
    }

    /**
     * The sending peer: message n (1 to {@code count}) at its scheduled time, spinning until
     * then; a message already late goes at once, so a stall delays the messages after it and
     * the receiver counts every one of them.
     */
    static void send(StreamProducer producer, FixedRateSchedule schedule, long count, SpinWait spin,
                     LongSupplier clock) {
        for (long sequence = 1; sequence <= count; sequence++) {
            long due = schedule.intendedNanos(sequence);
            while (clock.getAsLong() - due < 0) {
                spin.idle();
            }
            producer.send(sequence);
        }
    }

    private static void take(StreamConsumer consumer, FixedRateSchedule schedule, long messages,
                             LatencyRecorder recorder, long[] next, SpinWait spin, LongSupplier clock) {
        for (long taken = 0; taken < messages; ) {
            // One at a time: each message's arrival is read right after it, not after a batch.
            if (consumer.drain(1) == 0) {
                spin.idle();
                continue;
            }
            long arrived = clock.getAsLong();
            if (recorder != null) {
                recorder.record(arrived - schedule.intendedNanos(next[0]));
            }
            next[0]++;
            taken++;
        }
    }
}
