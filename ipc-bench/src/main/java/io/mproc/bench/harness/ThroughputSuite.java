package io.mproc.bench.harness;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Suite;
import io.mproc.bench.channel.ChannelCatalog;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.ChannelUnavailableException;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.channel.mproc.MpmcGroup;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.bench.result.TargetCatalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One-way throughput of every stream channel in the catalog, 8-byte payloads. A channel that
 * fails is noted and the others still run; the suite then fails at the end.
 */
public final class ThroughputSuite implements Suite {

    private static final int PAYLOAD_BYTES = 8;
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return TargetCatalog.THROUGHPUT;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        ThroughputHarness harness = new ThroughputHarness(context.pinning(), LIMIT);
        List<String> failed = new ArrayList<>();
        for (String name : ChannelCatalog.streamNames()) {
            try {
                measure(context, harness, ChannelCatalog.stream(name));
            } catch (ChannelUnavailableException unavailable) {
                context.note(name() + "/" + name + " skipped: " + unavailable.getMessage());
            } catch (Exception | LinkageError broken) {
                failed.add(name);
                context.note(name() + "/" + name + " FAILED: " + broken);
                broken.printStackTrace(System.out);
            }
        }
        try {
            ChannelSpec spec = new ChannelSpec(context.shmDir(), "stream-" + MpmcGroup.NAME, PAYLOAD_BYTES);
            new GroupThroughputHarness(LIMIT).measure(spec, context.profile().throughput())
                .write(context.sink(), name(), MpmcGroup.NAME, TargetCatalog.RATE, "msgs/s");
        } catch (Exception | LinkageError broken) {
            failed.add(MpmcGroup.NAME);
            context.note(name() + "/" + MpmcGroup.NAME + " FAILED: " + broken);
            broken.printStackTrace(System.out);
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("stream channels failed: " + failed);
        }
    }

    private void measure(BenchContext context, ThroughputHarness harness, StreamChannel channel) throws Exception {
        String name = channel.name();
        ChannelSpec spec = new ChannelSpec(context.shmDir(), "stream-" + name, PAYLOAD_BYTES);
        MeasuringThread.Outcome<RepeatedValue> outcome = harness.measure(channel, spec,
            context.profile().throughput().dividedBy(channel.relativeCost()));
        if (context.pinning().enabled() && !outcome.pinned()) {
            context.note(name() + "/" + name + ": the measuring thread could not be pinned "
                + "(run the JVM with --enable-native-access=ALL-UNNAMED)");
        }
        outcome.value().write(context.sink(), name(), name, TargetCatalog.RATE, "msgs/s");
    }
}
