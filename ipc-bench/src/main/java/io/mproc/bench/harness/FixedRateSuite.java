package io.mproc.bench.harness;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Suite;
import io.mproc.bench.channel.ChannelCatalog;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.ChannelUnavailableException;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.channel.mproc.MprocRingStream;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.result.TargetCatalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One-way latency at fixed rates ({@link FixedRateHarness}), coordinated-omission aware: mproc's
 * SPSC ring and Chronicle Queue, each at every rate of the profile's {@link FixedRatePlan}
 * (100 k and 1 M msgs/s in {@code --quick}). Subject {@code <channel>-<rate>} (e.g.
 * {@code mproc-spsc-1m}); figures {@code latency_median}, {@code _p90}, {@code _p99}, ... in ns,
 * from the scheduled send time to the arrival. A channel that cannot keep up shows it: its
 * latency grows through the run, as its backlog does.
 */
public final class FixedRateSuite implements Suite {

    /** The streams measured, peer first as in the other suites. */
    static final List<String> CHANNELS = List.of(ChannelCatalog.CHRONICLE_QUEUE, ChannelCatalog.MPROC_SPSC);
    static final String METRIC_PREFIX = "latency";
    private static final int PAYLOAD_BYTES = 8;
    /**
     * mproc's ring holds 64 Ki messages of 8 bytes here (64 ms at 1 M msgs/s), not the other
     * suites' 64 KiB (4 ms): on a shared 2-core VM either side is descheduled for milliseconds at
     * times, and a ring that fills in less stalls the sender and measures the scheduler's slice.
     * Chronicle Queue, a journal, never fills.
     */
    static final int RING_BYTES = 1 << 20;
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return TargetCatalog.FIXEDRATE;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        FixedRatePlan plan = FixedRatePlan.of(context.profile());
        FixedRateHarness harness = new FixedRateHarness(context.pinning(), LIMIT);
        List<String> failed = new ArrayList<>();
        for (String name : CHANNELS) {
            for (long rate : plan.rates()) {
                String subject = name + "-" + FixedRateSchedule.label(rate);
                try {
                    measure(context, harness, ChannelCatalog.stream(name), subject, rate, plan);
                } catch (ChannelUnavailableException unavailable) {
                    context.note(name() + "/" + subject + " skipped: " + unavailable.getMessage());
                    break;
                } catch (Exception | LinkageError broken) {
                    failed.add(subject);
                    context.note(name() + "/" + subject + " FAILED: " + broken);
                    broken.printStackTrace(System.out);
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("fixed-rate streams failed: " + failed);
        }
    }

    private void measure(BenchContext context, FixedRateHarness harness, StreamChannel channel, String subject,
                         long rate, FixedRatePlan plan) throws Exception {
        ChannelSpec spec = new ChannelSpec(context.shmDir(), name() + "-" + subject, PAYLOAD_BYTES,
            Map.of(FixedRateSchedule.RATE_OPTION, Long.toString(rate),
                MprocRingStream.CAPACITY_OPTION, Integer.toString(RING_BYTES)));
        MeasuringThread.Outcome<RepeatedLatency> outcome = harness.measure(channel, spec, plan.counts(rate));
        if (context.pinning().enabled() && !outcome.pinned()) {
            context.note(name() + "/" + subject + ": the measuring thread could not be pinned "
                + "(run the JVM with --enable-native-access=ALL-UNNAMED)");
        }
        outcome.value().write(context.sink(), name(), subject, METRIC_PREFIX);
    }
}
