package io.mproc.bench.harness;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Suite;
import io.mproc.bench.channel.ChannelCatalog;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.bench.result.TargetCatalog;

import java.time.Duration;

/** One-way throughput of every stream channel in the catalog, 8-byte payloads. */
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
        for (String name : ChannelCatalog.streamNames()) {
            StreamChannel channel = ChannelCatalog.stream(name);
            ChannelSpec spec = new ChannelSpec(context.shmDir(), "stream-" + name, PAYLOAD_BYTES);
            MeasuringThread.Outcome<RepeatedValue> outcome = harness.measure(channel, spec, context.profile().throughput());
            if (context.pinning().enabled() && !outcome.pinned()) {
                context.note(name() + "/" + name + ": the measuring thread could not be pinned "
                    + "(run the JVM with --enable-native-access=ALL-UNNAMED)");
            }
            outcome.value().write(context.sink(), name(), name, TargetCatalog.RATE, "msgs/s");
        }
    }
}
